package kr.co.pg.settlement.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import kr.co.pg.settlement.kit.kafka.KafkaClusterProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's gauges with {@value #DLT_RECORDS} (the records kept on its dead-letter topic), read by a thread of
 * their own every refresh interval (see {@link PeriodicRefresh}): a subclass reads its own gauges in
 * {@link #readGauges()}. A failed refresh keeps the last values and is logged once, until a refresh works again.
 */
public class DeadLetterGauges extends PeriodicRefresh {

    public static final String DLT_RECORDS = "settlement.dlt.records";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterGauges.class);

    private final KafkaClusterProbe kafka;
    private final String deadLetterTopic;
    private volatile double deadLetters = Double.NaN;
    private volatile boolean lastRefreshFailed;

    public DeadLetterGauges(String threadName, Duration interval, KafkaClusterProbe kafka, String deadLetterTopic,
                            MeterRegistry registry) {
        super(threadName, interval);
        this.kafka = kafka;
        this.deadLetterTopic = deadLetterTopic;
        Gauge.builder(DLT_RECORDS, this, m -> m.deadLetters).tag("topic", deadLetterTopic)
                .description("records kept on the dead-letter topic").register(registry);
    }

    /** Reads the service's own gauges (none here); may throw, the refresh then keeps the last values. */
    protected void readGauges() throws Exception {
    }

    @Override
    protected final void refresh() {
        try {
            readGauges();
            deadLetters = kafka.retainedRecords(deadLetterTopic);
            if (lastRefreshFailed) {
                log.info("metrics refresh works again");
                lastRefreshFailed = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!lastRefreshFailed) {
                log.warn("metrics refresh failed ({}); the settlement_* gauges keep their last values until the"
                        + " database and Kafka answer again", String.valueOf(e));
                lastRefreshFailed = true;
            }
        }
    }
}
