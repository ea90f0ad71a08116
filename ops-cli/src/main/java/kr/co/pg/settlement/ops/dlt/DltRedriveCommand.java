package kr.co.pg.settlement.ops.dlt;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.ops.ExitCodes;
import kr.co.pg.settlement.ops.OpsCommand;
import kr.co.pg.settlement.ops.KafkaClients;
import kr.co.pg.settlement.ops.KafkaConnection;
import kr.co.pg.settlement.ops.OpsException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "redrive",
        header = "Put dead letters back on their original topic (dry run unless --execute).",
        description = {"Puts dead letters back on their original topic (same key, value and event headers, the original"
                + " partition; the failure headers dropped, redrivenFrom added), so the service consumes them again"
                + " - after the cause was fixed. Dry run unless --execute.",
                "Each re-drive is noted in the compacted topic " + RedriveLedger.TOPIC + " in the same Kafka transaction"
                        + " as the record: a dead letter is re-driven at most once."})
public final class DltRedriveCommand extends OpsCommand {

    private static final String TRANSACTIONAL_ID = "settlement-ops-dlt-redrive";

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "TOPIC:PARTITION:OFFSET as `dlt list` prints it")
    String id;

    @Option(names = "--all", description = "every dead letter of the topic(s) not re-driven yet")
    boolean all;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "with --all: dead-letter topic (repeatable; default all three)")
    List<String> topics;

    @Option(names = "--execute", description = "re-drive (default: dry run, print only)")
    boolean execute;

    @Option(names = "--by", paramLabel = "NAME", description = "who re-drives, noted in the ledger (default: operator:$USER)")
    String by;

    @Override
    public Integer call() {
        if ((id == null) == !all) {
            throw new ParameterException(spec.commandLine(), "give one dead-letter ID or --all");
        }
        List<String> chosen;
        if (id != null) {
            String[] parts;
            try {
                parts = DeadLetter.parseId(id);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            chosen = DltCommand.topics(List.of(parts[0]), spec);
        } else {
            chosen = DltCommand.topics(topics, spec);
        }
        PrintWriter out = out();
        KafkaConnection kafka = connections.kafka();
        KafkaProducer<String, byte[]> producer = execute ? transactionalProducer(kafka) : null;
        try (KafkaConsumer<String, byte[]> reader = KafkaClients.reader(kafka, false);
             KafkaConsumer<String, byte[]> committed = KafkaClients.reader(kafka, true)) {
            // read after initTransactions: it completes any earlier re-drive transaction, so the ledger shows it
            Map<String, String> ledger = RedriveLedger.read(committed);
            List<DeadLetter> candidates = new ArrayList<>();
            for (String topic : chosen) {
                for (ConsumerRecord<String, byte[]> r : DeadLetterTopics.readAll(reader, topic)) {
                    DeadLetter d = DeadLetter.of(r);
                    if (id == null || d.id().equals(id)) {
                        candidates.add(d);
                    }
                }
            }
            if (id != null && candidates.isEmpty()) {
                throw new OpsException("no dead letter " + id + " (see `settlement dlt list`)");
            }
            List<DeadLetter> todo = new ArrayList<>();
            int refused = 0;
            for (DeadLetter d : candidates) {
                Optional<String> note = RedriveLedger.note(ledger, d.id());
                if (note.isPresent()) {
                    out.println(d.id() + ": already re-driven, not again (" + note.get() + ")");
                    refused++;
                } else if (d.originalTopic() == null) {
                    out.println(d.id() + ": no original-topic header - cannot re-drive");
                    refused++;
                } else {
                    out.println(d.id() + ": " + (execute ? "re-driving" : "would re-drive") + " to " + d.originalTopic()
                            + " partition " + d.originalPartition() + ", key " + d.record().key()
                            + " (failed with: " + d.reason() + ")");
                    todo.add(d);
                }
            }
            if (producer != null) {
                redrive(producer, todo, out);
            }
            out.println((execute ? "re-driven " : "dry run: would re-drive ") + todo.size() + ", skipped " + refused
                    + (execute ? "" : "; add --execute"));
            return id != null && refused > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        } finally {
            if (producer != null) {
                producer.close();
            }
        }
    }

    /** Creates the ledger topic if needed, then a transactional producer (fencing any other re-drive in flight). */
    private static KafkaProducer<String, byte[]> transactionalProducer(KafkaConnection kafka) {
        try (Admin admin = KafkaClients.admin(kafka)) {
            RedriveLedger.ensureTopic(admin);
        }
        KafkaProducer<String, byte[]> producer = KafkaClients.producer(kafka, TRANSACTIONAL_ID);
        try {
            producer.initTransactions();
            return producer;
        } catch (RuntimeException e) {
            producer.close();
            throw new OpsException("Kafka at " + kafka + " refused the re-drive transaction (" + e.getMessage()
                    + "): transactions must be enabled and the transactional id " + TRANSACTIONAL_ID + " allowed", e);
        }
    }

    private void redrive(KafkaProducer<String, byte[]> producer, List<DeadLetter> todo, PrintWriter out) {
        String operator = by != null && !by.isBlank() ? by
                : "operator:" + Optional.ofNullable(System.getProperty("user.name")).orElse("unknown");
        for (DeadLetter d : todo) {
            d.requireRedrivable();
            producer.beginTransaction();
            try {
                ProducerRecord<String, byte[]> again = new ProducerRecord<>(d.originalTopic(), d.originalPartition(),
                        d.record().key(), d.record().value(), d.eventHeaders());
                again.headers().add(new RecordHeader(FailureHeader.REDRIVEN_FROM.key, d.id().getBytes(StandardCharsets.UTF_8)));
                RecordMetadata m = producer.send(again).get();
                ObjectNode note = EventJson.mapper().createObjectNode();
                note.put("deadLetter", d.id());
                note.put("redrivenTo", m.topic() + ":" + m.partition() + ":" + m.offset());
                note.put("redrivenAt", OffsetDateTime.now(KST).truncatedTo(ChronoUnit.SECONDS).toString());
                note.put("by", operator);
                producer.send(new ProducerRecord<>(RedriveLedger.TOPIC, d.id(), EventJson.write(note))).get();
                producer.commitTransaction();
                out.println(d.id() + ": re-driven as " + m.topic() + ":" + m.partition() + ":" + m.offset());
            } catch (Exception e) {
                producer.abortTransaction();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new OpsException(d.id() + ": re-drive failed and was rolled back (" + e
                        + "); nothing of it was published - run again", e);
            }
        }
    }
}
