package kr.co.pg.settlement.kit.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.InvalidFieldException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listener error handling of a service: an {@link InvalidEventException} goes to the service's dead-letter topic
 * (partition 0) at once, with the headers {@value #REASON_HEADER} and, for a field fault, {@value #FIELD_HEADER} and
 * {@value #VALUE_HEADER}; anything else (KIS unavailable, database or broker trouble) is retried with exponential
 * backoff and no limit, the offset uncommitted, so no event is ever lost.
 */
public final class DeadLetterErrorHandler {

    public static final String REASON_HEADER = "dltReason";
    public static final String FIELD_HEADER = "dltField";
    public static final String VALUE_HEADER = "dltValue";

    public static DefaultErrorHandler create(KafkaOperations<?, ?> template, String deadLetterTopic,
                                             Duration initialInterval, double multiplier, Duration maxInterval) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(deadLetterTopic, 0));
        deadLetters.setHeadersFunction((record, e) -> reasonHeaders(e));
        ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), multiplier);
        backOff.setMaxInterval(maxInterval.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    /**
     * The same, with the backoff from {@code {retrySettings}.initial-interval} (default 1s),
     * {@code .multiplier} (2.0) and {@code .max-interval} (60s).
     */
    public static DefaultErrorHandler create(KafkaOperations<?, ?> template, String deadLetterTopic,
                                             Environment environment, String retrySettings) {
        Binder settings = Binder.get(environment);
        return create(template, deadLetterTopic,
                settings.bind(retrySettings + ".initial-interval", Duration.class).orElse(Duration.ofSeconds(1)),
                settings.bind(retrySettings + ".multiplier", Double.class).orElse(2.0),
                settings.bind(retrySettings + ".max-interval", Duration.class).orElse(Duration.ofSeconds(60)));
    }

    /**
     * Why a record failed, for the log and the listener's exception: the {@link InvalidEventException}'s message when
     * there is one in the causes, else the root cause (type and message).
     */
    public static String reason(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) {
                return t.getMessage();
            }
            root = t;
        }
        return root.toString();
    }

    /** dltReason (the InvalidEventException's message), and for a field fault dltField and dltValue (cut). */
    static Headers reasonHeaders(Throwable e) {
        RecordHeaders headers = new RecordHeaders();
        Throwable invalid = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) {
                invalid = t;
                break;
            }
        }
        Throwable reason = invalid != null ? invalid : e;
        headers.add(REASON_HEADER, String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        if (invalid instanceof InvalidFieldException field) {
            headers.add(FIELD_HEADER, field.field().getBytes(StandardCharsets.UTF_8));
            if (field.value() != null) {
                headers.add(VALUE_HEADER, field.value().getBytes(StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    private DeadLetterErrorHandler() {
    }
}
