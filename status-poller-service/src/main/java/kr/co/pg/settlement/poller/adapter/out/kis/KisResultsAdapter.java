package kr.co.pg.settlement.poller.adapter.out.kis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.nio.file.Path;
import kr.co.pg.settlement.kis.client.DownloadResult;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.NotFound;
import kr.co.pg.settlement.kis.client.RateLimited;
import kr.co.pg.settlement.kis.client.StatusResult;
import kr.co.pg.settlement.kis.client.Unauthorized;
import kr.co.pg.settlement.kis.client.Unavailable;
import kr.co.pg.settlement.kis.client.UnexpectedAnswer;
import kr.co.pg.settlement.poller.application.KisResultsPort;
import kr.co.pg.settlement.poller.domain.KisUnavailableException;
import kr.co.pg.settlement.poller.domain.ReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * Status and download through resilience4j (instance {@code kis}): 429 (after Retry-After), 5xx, timeouts,
 * connection errors and checksum mismatches are retried with exponential backoff behind a circuit breaker.
 * Whatever is still not a usable answer becomes {@link KisUnavailableException}: the receipt is polled later.
 */
@Component
class KisResultsAdapter implements KisResultsPort {

    static final String RESILIENCE_INSTANCE = "kis";
    private static final Logger log = LoggerFactory.getLogger(KisResultsAdapter.class);

    private final KisClient client;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    KisResultsAdapter(KisClient client, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers) {
        this.client = client;
        this.retry = retries.retry(RESILIENCE_INSTANCE);
        this.circuitBreaker = circuitBreakers.circuitBreaker(RESILIENCE_INSTANCE);
    }

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
        if (result instanceof RateLimited r) {
            return Mono.delay(r.retryAfter()).then(Mono.error(new KisTransientException(
                    "KIS 429 rate limited, waited Retry-After " + r.retryAfter())));
        }
        if (result instanceof Unavailable u) {
            return Mono.error(new KisTransientException(u.httpStatus() == 0 ? "KIS unreachable: " + u.detail()
                    : "KIS " + u.httpStatus() + " unavailable: " + u.detail()));
        }
        if (result instanceof NotFound notFound) {
            log.error("KIS DOES NOT KNOW RECEIPT {} ({} {}). Check that kis.base-url points at the KIS that accepted"
                    + " the file; the receipt stays PENDING.", receiptNo, notFound.code(), notFound.message());
            return Mono.error(new IllegalStateException("KIS 404 " + notFound.code() + " for receipt " + receiptNo));
        }
        if (result instanceof Unauthorized u) {
            log.error("KIS REJECTED OUR CREDENTIALS (401 {}: {}) polling receipt {}. Check kis.client-id, the secret"
                    + " (KIS_SECRET) and the server clock (NTP); polling continues with backoff.", u.code(),
                    u.message(), receiptNo);
            return Mono.error(new IllegalStateException("KIS 401 " + u.code() + ": " + u.message()));
        }
        if (result instanceof UnexpectedAnswer x) {
            log.error("KIS gave an answer outside the interface ({}: {}) for receipt {}. Check kis.base-url and any"
                    + " proxy.", x.httpStatus(), x.detail(), receiptNo);
            return Mono.error(new KisTransientException("unexpected KIS answer " + x.httpStatus() + ": "
                    + x.detail()));
        }
        return Mono.error(new IllegalStateException("unknown KIS answer " + result));
    }

    private <T> T resilient(String what, Mono<T> call) {
        try {
            return call.transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                    .transformDeferred(RetryOperator.of(retry))
                    .block();
        } catch (RuntimeException e) {
            Throwable cause = Exceptions.unwrap(e);
            throw new KisUnavailableException(what + ": " + cause.getMessage(), cause);
        }
    }
}
