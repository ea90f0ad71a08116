package kr.co.pg.settlement.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.SecureKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The scheduler against a SASL_SSL broker with ACLs, configured only through the KAFKA_* variables of
 * docs/production.md: its group member (leader election), its kick-off history reader and its producer log in as
 * the {@code scheduler} principal, which holds exactly the ACLs listed there.
 */
class SecureSchedulerTest {

    private static final String LEADER_TOPIC = "settlement.scheduler.leader.v1";
    private static final String LEADER_GROUP = "settlement-scheduler-leader";
    private static SecureKafka kafka;
    private static ConfigurableApplicationContext scheduler;

    @BeforeAll
    static void start() throws Exception {
        kafka = SecureKafka.start();
        try (Admin admin = kafka.admin()) {
            List<NewTopic> topics = new ArrayList<>();
            Topics.all().forEach(t -> topics.add(new NewTopic(t.name(), t.partitions(), (short) 1)));
            topics.add(new NewTopic(LEADER_TOPIC, 1, (short) 1));
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
        kafka.createUser("scheduler", "scheduler-pw");
        kafka.addAcls(List.of(
                allow(ResourceType.TOPIC, Topics.KICKOFF, PatternType.LITERAL, AclOperation.WRITE),
                allow(ResourceType.TOPIC, Topics.KICKOFF, PatternType.LITERAL, AclOperation.READ),
                allow(ResourceType.TOPIC, LEADER_TOPIC, PatternType.LITERAL, AclOperation.READ),
                allow(ResourceType.GROUP, LEADER_GROUP, PatternType.LITERAL, AclOperation.READ),
                allow(ResourceType.TOPIC, "settlement.", PatternType.PREFIXED, AclOperation.DESCRIBE)));

        Map<String, Object> properties = new HashMap<>(kafka.environment("scheduler", "scheduler-pw"));
        properties.put("spring.config.name", SchedulerApplication.CONFIG_NAME);
        properties.put("server.port", "0");
        properties.put("settlement.scheduler.tick", "100ms");
        properties.put("settlement.scheduler.kafka.session-timeout", "6s");
        properties.put("settlement.kafka.topic-replication", "1");
        properties.put("settlement.management.user", SchedulerInstances.MANAGEMENT_USER);
        properties.put("settlement.management.password", SchedulerInstances.MANAGEMENT_PASSWORD);
        MutableClock clock = new MutableClock("2026-11-24T07:15");
        scheduler = new SpringApplicationBuilder(SchedulerApplication.class)
                .properties(properties)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("testClock", Clock.class,
                        () -> clock, definition -> definition.setPrimary(true)))
                .run();
    }

    @AfterAll
    static void stop() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void leadsAndSendsTheDueKickoffsOverSaslSsl() {
        SchedulerInstances.awaitLeaderTicks(scheduler, 1);
        Map<String, Object> config = kafka.clientConfig(SecureKafka.ADMIN_USER,
                kafka.adminPassword());
        config.put("group.id", "secure-scheduler-it");
        config.put("auto.offset.reset", "earliest");
        List<String> kickoffIds = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.KICKOFF));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    kickoffIds.add(new String(record.headers().lastHeader("eventId").value()));
                }
                return kickoffIds.size() >= 4;
            });
        }
        assertThat(kickoffIds).containsExactlyInAnyOrder(
                "sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715", "sched:DIFF_SETTLEMENT_RESULT:2026-11-24:0715",
                "sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-11-24:0615",
                "sched:SUBMERCHANT_REGISTRATION_RESULT:2026-11-24:0615");
    }

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return SecureKafka.allow("scheduler", type, name, pattern, operation);
    }
}
