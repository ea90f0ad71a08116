package kr.co.pg.settlement.poller.application;

import java.time.Clock;
import java.time.LocalDateTime;
import kr.co.pg.settlement.events.KickoffRequested;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** RESULT kick-offs poll their receipts at once; each kick-off id is handled once. REQUEST jobs are not ours. */
@Service
public class KickoffService {

    static final String CONSUMER = "poller-kickoff";
    private static final Logger log = LoggerFactory.getLogger(KickoffService.class);

    private final PollReceiptsService poller;
    private final PendingReceiptStore store;
    private final Clock clock;

    public KickoffService(PollReceiptsService poller, PendingReceiptStore store, Clock clock) {
        this.poller = poller;
        this.store = store;
        this.clock = clock;
    }

    public void handle(KickoffRequested kickoff) {
        FileType requestType = switch (kickoff.job()) {
            case SUBMERCHANT_REGISTRATION_RESULT -> FileType.R1;
            case DIFF_SETTLEMENT_RESULT -> FileType.S1;
            case SUBMERCHANT_REGISTRATION_REQUEST, DIFF_SETTLEMENT_REQUEST -> null;
        };
        if (requestType == null) {
            return;
        }
        if (store.isProcessed(CONSUMER, kickoff.kickoffId())) {
            log.info("kick-off {} ({}) already handled: ignored", kickoff.kickoffId(), kickoff.job());
            return;
        }
        log.info("kick-off {} ({} for {}): polling every pending {} receipt now", kickoff.kickoffId(), kickoff.job(),
                kickoff.businessDate(), requestType);
        poller.pollNow(requestType);
        store.markProcessed(CONSUMER, kickoff.kickoffId(), LocalDateTime.now(clock));
    }
}
