package kr.co.pg.settlement.ops.dlt;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.ops.ExitCodes;
import kr.co.pg.settlement.ops.OpsCommand;
import kr.co.pg.settlement.ops.KafkaClients;
import kr.co.pg.settlement.ops.KafkaConnection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list",
        header = "What the dead-letter topics hold.",
        description = "Every record of the dead-letter topics: its id (TOPIC:PARTITION:OFFSET, for redrive), time,"
                + " original topic/partition/offset, key, event id and type, the reason, and whether it was re-driven.")
public final class DltListCommand extends OpsCommand {

    @Option(names = "--topic", paramLabel = "TOPIC", description = "dead-letter topic (repeatable; default: all three)")
    List<String> topics;

    @Override
    public Integer call() {
        List<String> chosen = DltCommand.topics(topics, spec);
        PrintWriter out = out();
        KafkaConnection kafka = connections.kafka();
        try (KafkaConsumer<String, byte[]> reader = KafkaClients.reader(kafka, false);
             KafkaConsumer<String, byte[]> committed = KafkaClients.reader(kafka, true)) {
            Map<String, String> ledger = RedriveLedger.read(committed);
            for (String topic : chosen) {
                List<ConsumerRecord<String, byte[]>> records = DeadLetterTopics.readAll(reader, topic);
                out.println(topic + ": " + records.size() + " dead letter(s)");
                for (ConsumerRecord<String, byte[]> r : records) {
                    DeadLetter d = DeadLetter.of(r);
                    out.println("  " + d.id() + "  " + d.at()
                            + "  from " + d.originalTopic() + ":" + d.originalPartition() + ":" + d.originalOffset()
                            + "  key " + r.key() + "  " + EventHeaders.EVENT_TYPE + " " + d.text(EventHeaders.EVENT_TYPE)
                            + "  " + EventHeaders.EVENT_ID + " " + d.text(EventHeaders.EVENT_ID));
                    out.println("      reason: " + d.reason());
                    RedriveLedger.note(ledger, d.id()).ifPresent(note -> out.println("      re-driven: " + note));
                }
            }
        }
        return ExitCodes.OK;
    }
}
