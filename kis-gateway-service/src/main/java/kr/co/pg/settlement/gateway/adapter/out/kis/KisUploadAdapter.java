package kr.co.pg.settlement.gateway.adapter.out.kis;

import kr.co.pg.settlement.gateway.application.KisUploadPort;
import kr.co.pg.settlement.gateway.domain.FileToSubmit;
import kr.co.pg.settlement.gateway.domain.KisUnavailableException;
import kr.co.pg.settlement.gateway.domain.UploadOutcome;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.UploadResult;
import kr.co.pg.settlement.kit.kis.ResilientKisCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Uploads with the file id as Idempotency-Key through the kit's {@link ResilientKisCalls}: transient answers are
 * retried with exponential backoff (429 waits at least Retry-After) behind a circuit breaker. When the retries
 * are exhausted or the circuit is open, {@link KisUnavailableException} tells the caller to try again later.
 */
@Component
record KisUploadAdapter(KisClient client, ResilientKisCalls kis) implements KisUploadPort {

    private static final Logger log = LoggerFactory.getLogger(KisUploadAdapter.class);

    @Override
    public UploadOutcome upload(FileToSubmit file) {
        return kis.call(Mono.defer(() -> client.upload(file.fileType(), file.fileId(), file.content()))
                        .flatMap(result -> interpret(file, result)),
                cause -> new KisUnavailableException("KIS gave no final answer for " + file + " ("
                        + cause.getMessage() + "); the event stays uncommitted and is delivered again", cause));
    }

    private Mono<UploadOutcome> interpret(FileToSubmit file, UploadResult result) {
        if (result instanceof UploadResult.Accepted a) {
            if (a.recordCount() != file.recordCount()) {
                log.warn("KIS accepted {} with recordCount {} (we sent {}): check the file at KIS, receipt {}",
                        file, a.recordCount(), file.recordCount(), a.receiptNo());
            }
            return Mono.just(new UploadOutcome.Accepted(a.receiptNo(), a.recordCount(), a.repeated()));
        }
        if (result instanceof UploadResult.Conflict c) {
            return Mono.just(new UploadOutcome.Refused(c.code(), "KIS 409 conflict: " + c.message()
                    + " (the file id was used with other content, or file date " + file.fileDate() + " seq "
                    + file.fileSeq() + " was already accepted under another key)", null));
        }
        if (result instanceof UploadResult.LayoutRefused l) {
            return Mono.just(new UploadOutcome.Refused(l.code(), "KIS 422 layout refused: " + l.message(), l.line()));
        }
        if (result instanceof UploadResult.TooLarge t) {
            return Mono.just(new UploadOutcome.Refused(t.code(), "KIS 413 file too large (" + file.content().length
                    + " bytes, limit 64 MiB): " + t.message() + " - split the records into smaller files", null));
        }
        return ResilientKisCalls.noResult(result, "uploading " + file);
    }
}
