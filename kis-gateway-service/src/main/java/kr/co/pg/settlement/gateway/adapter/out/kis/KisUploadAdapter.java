package kr.co.pg.settlement.gateway.adapter.out.kis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import kr.co.pg.settlement.gateway.application.KisUploadPort;
import kr.co.pg.settlement.gateway.domain.FileToSubmit;
import kr.co.pg.settlement.gateway.domain.KisUnavailableException;
import kr.co.pg.settlement.gateway.domain.UploadOutcome;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.RateLimited;
import kr.co.pg.settlement.kis.client.Unauthorized;
import kr.co.pg.settlement.kis.client.Unavailable;
import kr.co.pg.settlement.kis.client.UnexpectedAnswer;
import kr.co.pg.settlement.kis.client.UploadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Uploads with the file id as Idempotency-Key through resilience4j (instance {@code kis}): transient answers are
 * retried with exponential backoff (429 waits at least Retry-After) behind a circuit breaker. When the retries
 * are exhausted or the circuit is open, {@link KisUnavailableException} tells the caller to try again later.
 */
@Component
class KisUploadAdapter implements KisUploadPort {

    static final String RESILIENCE_INSTANCE = "kis";
    private static final Logger log = LoggerFactory.getLogger(KisUploadAdapter.class);

    private final KisClient client;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    KisUploadAdapter(KisClient client, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers) {
        this.client = client;
        this.retry = retries.retry(RESILIENCE_INSTANCE);
        this.circuitBreaker = circuitBreakers.circuitBreaker(RESILIENCE_INSTANCE);
    }

    @Override
    public UploadOutcome upload(FileToSubmit file) {
        Mono<UploadOutcome> attempt = Mono.defer(() -> client.upload(file.fileType(), file.fileId(), file.content()))
                .flatMap(result -> interpret(file, result));
        try {
            return attempt
                    .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                    .transformDeferred(RetryOperator.of(retry))
                    .block();
        } catch (RuntimeException e) {
            Throwable cause = reactor.core.Exceptions.unwrap(e);
            throw new KisUnavailableException("KIS gave no final answer for " + file + " (" + cause.getMessage()
                    + "); the event stays uncommitted and is delivered again", cause);
        }
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
        if (result instanceof RateLimited r) {
            return Mono.delay(r.retryAfter()).then(Mono.error(new KisTransientException(
                    "KIS 429 rate limited, waited Retry-After " + r.retryAfter(), r.retryAfter())));
        }
        if (result instanceof Unavailable u) {
            return Mono.error(new KisTransientException(u.httpStatus() == 0 ? "KIS unreachable: " + u.detail()
                    : "KIS " + u.httpStatus() + " unavailable: " + u.detail(), null));
        }
        if (result instanceof Unauthorized u) {
            log.error("KIS REJECTED OUR CREDENTIALS (401 {}: {}) uploading {}. Check kis.client-id, the secret"
                    + " (KIS_SECRET) and the server clock (NTP); the file is retried with backoff until fixed.",
                    u.code(), u.message(), file);
            return Mono.error(new KisCredentialsRejectedException("KIS 401 " + u.code() + ": " + u.message()));
        }
        UnexpectedAnswer x = (UnexpectedAnswer) result;
        log.error("KIS gave an answer outside the interface ({}: {}) uploading {}; retried later with the same"
                + " Idempotency-Key. Check the KIS base URL (kis.base-url) and any proxy in between.",
                x.httpStatus(), x.detail(), file);
        return Mono.error(new KisTransientException("unexpected KIS answer " + x.httpStatus() + ": " + x.detail(),
                null));
    }
}
