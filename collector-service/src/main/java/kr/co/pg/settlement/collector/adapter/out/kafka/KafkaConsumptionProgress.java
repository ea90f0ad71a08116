package kr.co.pg.settlement.collector.adapter.out.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.co.pg.settlement.collector.application.ConsumptionProgress;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kit.kafka.LazyAdmin;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Committed offsets of the collector's group against the topics' end offsets (or the offset of the first record
 * published at or after an instant), through one lazily created Admin client. A partition the group has never
 * committed on counts as consumed: its consumers start at the end (auto.offset.reset latest for the file ledger) or
 * have nothing to apply yet.
 */
@Component
class KafkaConsumptionProgress implements ConsumptionProgress, DisposableBean {

    private static final int TIMEOUT_MS = 10_000;
    private static final List<String> FILE_TOPICS = List.of(Topics.REGISTRATION_FILE_REQUESTED,
            Topics.SETTLEMENT_FILE_REQUESTED);

    private final LazyAdmin admin;
    private final String group;

    KafkaConsumptionProgress(KafkaAdmin kafkaAdmin,
                             @Value("${settlement.kafka.group-id:" + ConsumerGroups.COLLECTOR + "}") String group) {
        this.admin = new LazyAdmin(kafkaAdmin, "settlement-collector-progress", Duration.ofMillis(TIMEOUT_MS));
        this.group = group;
    }

    @Override
    public Map<String, Long> fileRequestsEnd() {
        return offsets(FILE_TOPICS, p -> OffsetSpec.latest());
    }

    @Override
    public Map<String, Long> fileRequestsBehind(Map<String, Long> targets) {
        return behind(targets);
    }

    @Override
    public Map<String, Long> registrationResultsBehind(Instant instant) {
        Map<String, Long> published = offsets(List.of(Topics.REGISTRATION_RESULTS),
                p -> OffsetSpec.forTimestamp(instant.toEpochMilli()));
        // no record at or after the instant: every record of the partition was published before it
        Map<String, Long> end = offsets(List.of(Topics.REGISTRATION_RESULTS), p -> OffsetSpec.latest());
        Map<String, Long> targets = new TreeMap<>();
        end.forEach((p, e) -> {
            long at = published.getOrDefault(p, -1L);
            targets.put(p, at < 0 ? e : at);
        });
        return behind(targets);
    }

    private Map<String, Long> behind(Map<String, Long> targets) {
        Map<TopicPartition, OffsetAndMetadata> committed = call(() -> admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        Map<String, Long> lag = new TreeMap<>();
        targets.forEach((p, target) -> {
            OffsetAndMetadata c = committed.get(parse(p));
            if (c != null && c.offset() < target) {
                lag.put(p, target - c.offset());
            }
        });
        return lag;
    }

    private Map<String, Long> offsets(List<String> topics, Function<TopicPartition, OffsetSpec> spec) {
        Map<String, org.apache.kafka.clients.admin.TopicDescription> described = call(() -> admin()
                .describeTopics(topics).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        Map<TopicPartition, OffsetSpec> request = described.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(p -> p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = call(() -> admin().listOffsets(request)
                .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        Map<String, Long> offsets = new TreeMap<>();
        answer.forEach((p, info) -> offsets.put(p.topic() + "-" + p.partition(), info.offset()));
        return offsets;
    }

    private static TopicPartition parse(String key) {
        int dash = key.lastIndexOf('-');
        return new TopicPartition(key.substring(0, dash), Integer.parseInt(key.substring(dash + 1)));
    }

    private interface AdminCall<T> {
        T get() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static <T> T call(AdminCall<T> c) {
        try {
            return c.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka for offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer the offsets of the collector's group: " + e, e);
        }
    }

    private Admin admin() {
        return admin.get();
    }

    @Override
    public void destroy() {
        admin.destroy();
    }
}
