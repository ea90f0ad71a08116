package kr.co.pg.settlement.poller.application;

import java.time.Clock;
import java.time.LocalDateTime;
import kr.co.pg.settlement.events.KickoffParser;
import kr.co.pg.settlement.events.KickoffRequested;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RESULT kick-offs poll their receipts at once; each kick-off id is handled once. REQUEST jobs are not ours.
 *
 * <p>The kick-off's durable effect is "every pending receipt of the job's type is due now"; it is written in one
 * transaction with the kick-off's processed_event row, so a redelivery after a crash neither repeats it nor loses
 * it: if the service stops before the immediate poll, the next regular round polls the receipts made due.
 */
@Service
public class KickoffService {

    static final String CONSUMER = "poller-kickoff";
    private static final Logger log = LoggerFactory.getLogger(KickoffService.class);

    private final PollReceiptsService poller;
    private final PendingReceiptStore store;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int maxDaysAhead;

    public KickoffService(PollReceiptsService poller, PendingReceiptStore store, Clock clock,
                          PlatformTransactionManager transactions,
                          @Value("${settlement.kickoff.max-days-ahead:" + KickoffParser.DEFAULT_MAX_DAYS_AHEAD + "}")
                          int maxDaysAhead) {
        this.poller = poller;
        this.store = store;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.maxDaysAhead = maxDaysAhead;
    }

    /** @throws kr.co.pg.settlement.events.InvalidFieldException for a business date too far ahead (dead-lettered) */
    public void handle(KickoffRequested kickoff) {
        KickoffParser.requireBusinessDateWithin(kickoff, clock, maxDaysAhead);
        FileType requestType = switch (kickoff.job()) {
            case SUBMERCHANT_REGISTRATION_RESULT -> FileType.R1;
            case DIFF_SETTLEMENT_RESULT -> FileType.S1;
            case SUBMERCHANT_REGISTRATION_REQUEST, DIFF_SETTLEMENT_REQUEST -> null;
        };
        if (requestType == null) {
            return;
        }
        Boolean first = tx.execute(status -> {
            LocalDateTime now = LocalDateTime.now(clock);
            if (!store.markProcessed(CONSUMER, kickoff.kickoffId(), now)) {
                return false;
            }
            store.makeDue(requestType, now);
            return true;
        });
        if (!Boolean.TRUE.equals(first)) {
            log.info("kick-off {} ({}) already handled: ignored", kickoff.kickoffId(), kickoff.job());
            return;
        }
        log.info("kick-off {} ({} for {}): polling every pending {} receipt now", kickoff.kickoffId(), kickoff.job(),
                kickoff.businessDate(), requestType);
        poller.pollNow(requestType);
    }
}
