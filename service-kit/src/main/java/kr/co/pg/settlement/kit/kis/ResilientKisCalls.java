package kr.co.pg.settlement.kit.kis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.function.Function;
import kr.co.pg.settlement.kis.client.RateLimited;
import kr.co.pg.settlement.kis.client.Unauthorized;
import kr.co.pg.settlement.kis.client.Unavailable;
import kr.co.pg.settlement.kis.client.UnexpectedAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * KIS calls through resilience4j (instance {@value #INSTANCE}): a call is retried with exponential backoff behind a
 * circuit breaker while it fails with a {@link KisTransientException}; what is still no usable answer when the
 * retries are spent, or the circuit is open, becomes the service's own "KIS unavailable" exception.
 */
public final class ResilientKisCalls {

    public static final String INSTANCE = "kis";
    private static final Logger log = LoggerFactory.getLogger(ResilientKisCalls.class);

    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public ResilientKisCalls(RetryRegistry retries, CircuitBreakerRegistry circuitBreakers) {
        this.retry = retries.retry(INSTANCE);
        this.circuitBreaker = circuitBreakers.circuitBreaker(INSTANCE);
    }

    /** @param unavailable makes the exception the caller throws from the last failure (unwrapped) */
    public <T> T call(Mono<T> attempt, Function<Throwable, ? extends RuntimeException> unavailable) {
        try {
            return attempt.transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                    .transformDeferred(RetryOperator.of(retry))
                    .block();
        } catch (RuntimeException e) {
            throw unavailable.apply(Exceptions.unwrap(e));
        }
    }

    /**
     * The answers every KIS endpoint can give that carry no result, as errors: 429 (after waiting its Retry-After),
     * 503/504 or no connection, and an answer outside the interface are transient; 401 means our credentials (or
     * clock) are wrong, which only an operator can fix.
     *
     * @param call what was being done, for the log ("uploading S1-20261124-000001", "polling receipt ...")
     */
    public static <T> Mono<T> noResult(Object answer, String call) {
        if (answer instanceof RateLimited r) {
            return Mono.delay(r.retryAfter()).then(Mono.error(new KisTransientException(
                    "KIS 429 rate limited, waited Retry-After " + r.retryAfter(), r.retryAfter())));
        }
        if (answer instanceof Unavailable u) {
            return Mono.error(new KisTransientException(u.httpStatus() == 0 ? "KIS unreachable: " + u.detail()
                    : "KIS " + u.httpStatus() + " unavailable: " + u.detail()));
        }
        if (answer instanceof Unauthorized u) {
            log.error("KIS REJECTED OUR CREDENTIALS (401 {}: {}) {}. Check kis.client-id, the secret (KIS_SECRET) and"
                    + " the server clock (NTP); retried with backoff until fixed.", u.code(), u.message(), call);
            return Mono.error(new KisCredentialsRejectedException("KIS 401 " + u.code() + ": " + u.message()));
        }
        if (answer instanceof UnexpectedAnswer x) {
            log.error("KIS gave an answer outside the interface ({}: {}) {}; retried later. Check the KIS base URL"
                    + " (kis.base-url) and any proxy in between.", x.httpStatus(), x.detail(), call);
            return Mono.error(new KisTransientException("unexpected KIS answer " + x.httpStatus() + ": "
                    + x.detail()));
        }
        return Mono.error(new IllegalStateException("unknown KIS answer " + answer + " " + call));
    }
}
