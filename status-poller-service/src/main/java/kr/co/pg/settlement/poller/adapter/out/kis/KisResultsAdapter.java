package kr.co.pg.settlement.poller.adapter.out.kis;

import java.nio.file.Path;
import kr.co.pg.settlement.kis.client.DownloadResult;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.NotFound;
import kr.co.pg.settlement.kis.client.StatusResult;
import kr.co.pg.settlement.kit.kis.KisTransientException;
import kr.co.pg.settlement.kit.kis.ResilientKisCalls;
import kr.co.pg.settlement.poller.application.KisResultsPort;
import kr.co.pg.settlement.poller.domain.KisUnavailableException;
import kr.co.pg.settlement.poller.domain.ReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Status and download through the kit's {@link ResilientKisCalls}: 429 (after Retry-After), 5xx, timeouts,
 * connection errors and checksum mismatches are retried with exponential backoff behind a circuit breaker.
 * Whatever is still not a usable answer becomes {@link KisUnavailableException}: the receipt is polled later.
 */
@Component
record KisResultsAdapter(KisClient client, ResilientKisCalls kis) implements KisResultsPort {

    private static final Logger log = LoggerFactory.getLogger(KisResultsAdapter.class);

    @Override
    public ReceiptState status(String receiptNo) {
        return resilient("status of receipt " + receiptNo, Mono.defer(() -> client.status(receiptNo))
                .flatMap(result -> {
                    if (result instanceof StatusResult.Found found) {
                        return Mono.just(switch (found.status()) {
                            case RECEIVED, PROCESSING -> new ReceiptState.InProgress(found.status().name());
                            case DONE -> new ReceiptState.Done();
                            case FAILED -> new ReceiptState.Failed(found.message() == null ? "" : found.message());
                        });
                    }
                    return common(receiptNo, result);
                }));
    }

    @Override
    public boolean download(String receiptNo, Path target) {
        return resilient("result of receipt " + receiptNo, Mono.defer(() -> client.download(receiptNo, target))
                .flatMap(result -> {
                    if (result instanceof DownloadResult.Downloaded) {
                        return Mono.just(true);
                    }
                    if (result instanceof DownloadResult.NotReady) {
                        return Mono.just(false);
                    }
                    if (result instanceof DownloadResult.ChecksumMismatch c) {
                        return Mono.error(new KisTransientException("checksum mismatch downloading receipt "
                                + receiptNo + ": X-KIS-Content-SHA256 " + c.expected() + ", bytes hash to "
                                + c.actual()));
                    }
                    return common(receiptNo, result);
                }));
    }

    /** The answers status and download share: all are errors here. */
    private static <T> Mono<T> common(String receiptNo, Object result) {
        if (result instanceof NotFound notFound) {
            log.error("KIS DOES NOT KNOW RECEIPT {} ({} {}). Check that kis.base-url points at the KIS that accepted"
                    + " the file; the receipt stays PENDING.", receiptNo, notFound.code(), notFound.message());
            return Mono.error(new IllegalStateException("KIS 404 " + notFound.code() + " for receipt " + receiptNo));
        }
        return ResilientKisCalls.noResult(result, "for receipt " + receiptNo);
    }

    private <T> T resilient(String what, Mono<T> call) {
        return kis.call(call, cause -> new KisUnavailableException(what + ": " + cause.getMessage(), cause));
    }
}
