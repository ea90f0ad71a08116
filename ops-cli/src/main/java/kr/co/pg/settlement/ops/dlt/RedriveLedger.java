package kr.co.pg.settlement.ops.dlt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import kr.co.pg.settlement.ops.OpsException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Which dead letters were re-driven: a small compacted topic, key = dead-letter id (topic:partition:offset), value =
 * JSON {deadLetter, redrivenTo, redrivenAt, by}. It is written in the same Kafka transaction as the re-driven record,
 * so a record is either re-driven and noted, or neither; it lives beside the data (every operator's machine sees it)
 * and compaction keeps one entry per dead letter for as long as the cluster lives.
 */
public final class RedriveLedger {

    static final String TOPIC = "settlement.ops.dlt-redriven.v1";

    private RedriveLedger() {
    }

    /** Dead-letter id -> the ledger's note about its re-drive (committed entries only). */
    public static Map<String, String> read(KafkaConsumer<String, byte[]> readCommitted) {
        Map<String, String> redriven = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : DeadLetterTopics.readAll(readCommitted, TOPIC)) {
            if (r.key() != null && r.value() != null) {
                redriven.put(r.key(), new String(r.value(), StandardCharsets.UTF_8));
            }
        }
        return redriven;
    }

    static Optional<String> note(Map<String, String> ledger, String deadLetterId) {
        return Optional.ofNullable(ledger.get(deadLetterId));
    }

    static void ensureTopic(Admin admin) {
        NewTopic topic = new NewTopic(TOPIC, Optional.of(1), Optional.empty()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new OpsException("cannot create the re-drive ledger topic " + TOPIC + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted", e);
        }
    }
}
