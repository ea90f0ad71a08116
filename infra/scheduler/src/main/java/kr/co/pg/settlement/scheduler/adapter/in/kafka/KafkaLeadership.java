package kr.co.pg.settlement.scheduler.adapter.in.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.scheduler.application.KickoffScheduler;
import kr.co.pg.settlement.scheduler.application.LeadershipLease;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Leader election through Kafka alone: every scheduler instance joins one consumer group on a single-partition
 * topic that carries no records. The group coordinator gives partition 0 to exactly one live member: that instance
 * is the leader. When it stops (group left at once) or dies (after the session timeout), the coordinator hands the
 * partition to a standby; a leader gives it up only after its in-flight send completed.
 * <p>
 * Lease: the leader sends only while its group member polled within half the session timeout, so an instance that
 * was frozen or cut off long enough to be replaced does not send before its next poll has told it so.
 */
public final class KafkaLeadership implements SmartLifecycle, LeadershipLease {

    private static final Logger log = LoggerFactory.getLogger(KafkaLeadership.class);

    private final Map<String, Object> connection;
    private final String topic;
    private final String group;
    private final Duration sessionTimeout;
    private final KickoffScheduler scheduler;
    private final TopicPartition leaderPartition;

    private final long leaseNanos;
    private volatile long lastPollNanos = System.nanoTime() - Long.MAX_VALUE / 2;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /** @param connection bootstrap servers and security settings (spring.kafka.*) */
    public KafkaLeadership(Map<String, Object> connection, String topic, String group, Duration sessionTimeout,
                           KickoffScheduler scheduler) {
        this.connection = Map.copyOf(connection);
        this.topic = topic;
        this.group = group;
        this.sessionTimeout = sessionTimeout;
        this.scheduler = scheduler;
        this.leaderPartition = new TopicPartition(topic, 0);
        this.leaseNanos = sessionTimeout.toNanos() / 2;
    }

    @Override
    public boolean isCurrent() {
        return running && System.nanoTime() - lastPollNanos < leaseNanos;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "scheduler-leadership");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        scheduler.leadershipRevoked();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> member = newConsumer()) {
                consumer = member;
                member.subscribe(List.of(topic), new Listener());
                while (running) {
                    member.poll(Duration.ofMillis(200));
                    lastPollNanos = System.nanoTime();
                }
            } catch (WakeupException e) {
                // stop() asked
            } catch (KafkaException e) {
                log.warn("Leader election on {} (group {}) failed: {}; standing by and retrying. Check Kafka.",
                        topic, group, e.toString());
                pauseBeforeRetry();
            } finally {
                consumer = null;
                scheduler.leadershipRevoked();
            }
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "scheduler-leadership-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, sessionTimeout.toMillis() / 4));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void pauseBeforeRetry() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private final class Listener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.contains(leaderPartition)) {
                scheduler.leadershipRevoked();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (partitions.contains(leaderPartition)) {
                log.warn("Leadership lost without hand-over (session with Kafka expired): standing by");
                scheduler.leadershipRevoked();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.contains(leaderPartition) && running) {
                lastPollNanos = System.nanoTime();
                scheduler.leadershipGranted(KafkaLeadership.this);
            }
        }
    }
}
