package kr.co.pg.settlement.kit.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Import into a service: one trace per kick-off across the services. Batch listeners continue the trace of the
 * {@value Traceparents#HEADER} header they receive ({@link TracedBatches}, set on Boot's listener container factory);
 * every record the service sends carries the current one ({@link TraceparentProducerInterceptor}, on Boot's producer
 * factory, so also producers made from it). {@code settlement.tracing.new-trace-per-record=true} (the scheduler)
 * starts a trace for a record sent outside any span. Span ids and trace ids reach the logs through Boot's log
 * correlation; spans are exported only when an exporter is configured (docs/production.md).
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    @Bean
    Traceparents traceparents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new Traceparents(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    BatchInterceptor<Object, Object> tracedBatches(ObjectProvider<ObservationRegistry> registry) {
        return new TracedBatches(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    TraceContinuation traceContinuation(ObjectProvider<ObservationRegistry> registry) {
        return new TraceContinuation(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer traceparentOnSend(Traceparents traceparents,
            @Value("${settlement.tracing.new-trace-per-record:false}") boolean newTracePerRecord) {
        return factory -> factory.updateConfigs(producerConfigs(factory.getConfigurationProperties(), traceparents,
                newTracePerRecord));
    }

    /** The interceptor added to any {@code interceptor.classes} already configured. */
    static Map<String, Object> producerConfigs(Map<String, Object> existing, Traceparents traceparents,
                                               boolean newTracePerRecord) {
        Object configured = existing.get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG);
        String interceptor = TraceparentProducerInterceptor.class.getName();
        String classes = configured == null || configured.toString().isBlank() ? interceptor
                : configured.toString().contains(interceptor) ? configured.toString()
                : configured + "," + interceptor;
        Map<String, Object> configs = new HashMap<>();
        configs.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, classes);
        configs.put(TraceparentProducerInterceptor.TRACEPARENTS_CONFIG, traceparents);
        configs.put(TraceparentProducerInterceptor.NEW_TRACE_PER_RECORD_CONFIG, newTracePerRecord);
        return configs;
    }
}
