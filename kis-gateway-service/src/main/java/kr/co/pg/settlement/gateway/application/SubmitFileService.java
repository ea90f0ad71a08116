package kr.co.pg.settlement.gateway.application;

import java.util.function.Supplier;
import kr.co.pg.settlement.events.FileRequested;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.gateway.domain.FileToSubmit;
import kr.co.pg.settlement.gateway.domain.UploadOutcome;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Renders a requested file, uploads it and publishes KIS's final answer; generic over R1 and S1 once rendered.
 * Throws (so the event is delivered again) while KIS gives no final answer; returns only once the answer is
 * published and acknowledged.
 */
@Service
public class SubmitFileService {

    private static final Logger log = LoggerFactory.getLogger(SubmitFileService.class);

    private final KisUploadPort kis;
    private final SubmissionEventsPort events;
    private final RequestFileRenderer renderer;

    public SubmitFileService(KisUploadPort kis, SubmissionEventsPort events,
                             @Value("${kis.client-id}") String pgCompanyCode) {
        this.kis = kis;
        this.events = events;
        this.renderer = new RequestFileRenderer(pgCompanyCode);
    }

    public void submitSettlementFile(SettlementFileRequested event) {
        renderAndSubmit(FileType.S1, event, () -> renderer.renderS1(event));
    }

    public void submitRegistrationFile(RegistrationFileRequested event) {
        renderAndSubmit(FileType.R1, event, () -> renderer.renderR1(event));
    }

    private void renderAndSubmit(FileType type, FileRequested<?> event, Supplier<byte[]> render) {
        RequestFileRenderer.requireFileFields(event);
        renderAndSubmit(new FileToSubmit(event.eventId(), event.fileId(), type, event.businessDate(),
                event.fileDate(), event.fileSeq(), event.records().size(), new byte[0]), render);
    }

    /** A file the layout cannot hold is refused before upload (naming its line); any other is uploaded. */
    private void renderAndSubmit(FileToSubmit metadata, Supplier<byte[]> render) {
        byte[] content;
        try {
            content = render.get();
        } catch (UnrenderableFileException e) {
            refuse(metadata, new UploadOutcome.Refused(null, "not sent to KIS: " + e.getMessage(), e.line()));
            return;
        }
        submit(new FileToSubmit(metadata.eventId(), metadata.fileId(), metadata.fileType(), metadata.businessDate(),
                metadata.fileDate(), metadata.fileSeq(), metadata.recordCount(), content));
    }

    void submit(FileToSubmit file) {
        UploadOutcome outcome = kis.upload(file);
        if (outcome instanceof UploadOutcome.Accepted accepted) {
            events.submitted(file, accepted);
            log.info("KIS accepted {}: receipt {}{}", file, accepted.receiptNo(),
                    accepted.repeated() ? " (repeated upload answered with the first receipt)" : "");
        } else if (outcome instanceof UploadOutcome.Refused refused) {
            refuse(file, refused);
        } else {
            throw new IllegalStateException("unknown upload outcome " + outcome);
        }
    }

    private void refuse(FileToSubmit file, UploadOutcome.Refused refused) {
        events.refused(file, refused);
        log.error("FILE REFUSED, not sent again automatically: {} refused with code {}: {}{}. Its records are"
                        + " reported as failed; correct the data named here, then the collector can send them in a"
                        + " new file.", file, refused.code() == null ? "(before upload)" : refused.code(),
                refused.message(), refused.line() == null ? "" : " (file line " + refused.line() + ")");
    }
}
