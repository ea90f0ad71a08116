package kr.co.pg.settlement.collector.adapter.in.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.InvalidFieldException;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * InvalidEventException goes to the collector's dead-letter topic at once, with the reason in the header
 * {@value #REASON_HEADER}, for a field fault also {@value #FIELD_HEADER} and {@value #VALUE_HEADER} (and Spring's kafka_dlt-* headers: original topic, partition, offset, exception).
 * Anything else (DB down, deadlock) is retried with exponential backoff, without limit: the offset is not committed.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    static final String REASON_HEADER = "dltReason";
    /** For an {@link InvalidFieldException}: the JSON field at fault and its value (cut to 80 characters). */
    static final String FIELD_HEADER = "dltField";
    static final String VALUE_HEADER = "dltValue";

    @Bean
    DefaultErrorHandler collectorErrorHandler(KafkaOperations<?, ?> template,
                                              @Value("${settlement.kafka.retry-max-interval:PT60S}") Duration maxInterval) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(Topics.DLT_COLLECTOR, 0));
        recoverer.setHeadersFunction((record, ex) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8));
            InvalidFieldException field = fieldFault(ex);
            if (field != null) {
                headers.add(FIELD_HEADER, field.field().getBytes(StandardCharsets.UTF_8));
                if (field.value() != null) {
                    headers.add(VALUE_HEADER, field.value().getBytes(StandardCharsets.UTF_8));
                }
            }
            return headers;
        });
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(maxInterval.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    static InvalidFieldException fieldFault(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InvalidFieldException f) {
                return f;
            }
        }
        return null;
    }

    static String reason(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) {
                return t.getMessage();
            }
        }
        Throwable root = ex;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }
}
