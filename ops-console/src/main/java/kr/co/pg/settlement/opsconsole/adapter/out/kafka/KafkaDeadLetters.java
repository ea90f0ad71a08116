package kr.co.pg.settlement.opsconsole.adapter.out.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.ops.KafkaClients;
import kr.co.pg.settlement.ops.dlt.DeadLetterTopics;
import kr.co.pg.settlement.ops.dlt.RedriveLedger;
import kr.co.pg.settlement.opsconsole.application.DeadLetters;
import kr.co.pg.settlement.opsconsole.config.OpsEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.stereotype.Component;

/**
 * The latest records of each dead-letter topic and the re-drive ledger, read and understood as the ops-cli's
 * {@code settlement dlt list} does (its DeadLetter, DeadLetterTopics, RedriveLedger: one reading of the headers);
 * re-driving itself is the ops-cli's (one transaction with the ledger).
 */
@Component
class KafkaDeadLetters implements DeadLetters {

    private final OpsEnvironment environment;

    KafkaDeadLetters(OpsEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public List<TopicLetters> list(int limit) {
        try (KafkaConsumer<String, byte[]> reader = KafkaClients.reader(environment.kafka(), false);
             KafkaConsumer<String, byte[]> committed = KafkaClients.reader(environment.kafka(), true)) {
            Map<String, String> ledger = RedriveLedger.read(committed);
            List<TopicLetters> result = new ArrayList<>();
            for (String topic : DeadLetterTopics.ALL) {
                DeadLetterTopics.Read read = DeadLetterTopics.readLatest(reader, topic, limit);
                List<DeadLetters.DeadLetter> letters = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> r : read.records()) {
                    // the ops-cli's reading of a dead letter (the port's record of the same name is what it becomes)
                    var d = kr.co.pg.settlement.ops.dlt.DeadLetter.of(r);
                    letters.add(new DeadLetters.DeadLetter(d.id(), r.topic(), r.partition(), r.offset(), d.at(),
                            d.originalTopic(), d.originalPartition(), d.originalOffset(), r.key(),
                            d.text(EventHeaders.EVENT_TYPE), d.text(EventHeaders.EVENT_ID),
                            d.text(EventHeaders.BUSINESS_DATE), d.reason(), ledger.get(d.id())));
                }
                letters.sort(Comparator.comparing(DeadLetters.DeadLetter::at).reversed());
                result.add(new TopicLetters(topic, read.total(), letters.size() > limit ? letters.subList(0, limit) : letters));
            }
            return result;
        }
    }
}
