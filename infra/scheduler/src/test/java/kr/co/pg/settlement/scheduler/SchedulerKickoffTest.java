package kr.co.pg.settlement.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.KickoffParser;
import kr.co.pg.settlement.events.KickoffRequested;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.scheduler.adapter.in.scheduling.SchedulerProperties;
import kr.co.pg.settlement.scheduler.adapter.out.kafka.KickoffSender;
import kr.co.pg.settlement.scheduler.application.ScheduledKickoffs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A kick-off fired by the schedule reaches settlement.kickoff.v1 in the contract's shape (real Kafka). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "settlement.scheduler.registration-result.enabled=false")
class SchedulerKickoffTest {

    /** Tuesday 2026-11-24 07:15 KST = 2026-11-23T22:15Z. */
    static final Instant NOW = Instant.parse("2026-11-23T22:15:00Z");
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static KafkaConsumer<String, byte[]> consumer;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> LocalStack.kafka().bootstrapServers());
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, SEOUL);
        }
    }

    @Autowired
    ScheduledKickoffs scheduledKickoffs;

    @Autowired
    KickoffSender kickoffSender;

    @Autowired
    SchedulerProperties properties;

    @BeforeAll
    static void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "scheduler-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(Set.of(Topics.KICKOFF));
    }

    @AfterAll
    static void close() {
        consumer.close();
    }

    @Test
    void firedScheduleSendsTheContractsKickoffForTodayInSeoul() {
        String kickoffId = scheduledKickoffs.fire(Job.DIFF_SETTLEMENT_REQUEST);

        ConsumerRecord<String, byte[]> record = awaitRecord(kickoffId);
        assertThat(record.key()).isEqualTo("DIFF_SETTLEMENT_REQUEST");
        KickoffRequested kickoff = KickoffParser.parse(record.value());
        assertThat(kickoff.kickoffId()).isEqualTo(kickoffId);
        assertThat(UUID.fromString(kickoffId)).isNotNull();
        assertThat(kickoff.job()).isEqualTo(Job.DIFF_SETTLEMENT_REQUEST);
        assertThat(kickoff.businessDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(kickoff.requestedAt()).isEqualTo(OffsetDateTime.parse("2026-11-24T07:15:00+09:00"));
        assertThat(kickoff.requestedBy()).isEqualTo("scheduler");

        JsonNode json = EventJson.mapper().readTree(record.value());
        List<String> fields = new ArrayList<>(json.propertyNames());
        assertThat(fields).containsExactly("kickoffId", "job", "businessDate", "requestedAt", "requestedBy");
        assertThat(json.get("requestedAt").asString()).isEqualTo("2026-11-24T07:15:00+09:00");
        assertThat(json.get("businessDate").asString()).isEqualTo("2026-11-24");

        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(kickoffId);
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("KickoffRequested");
        assertThat(header(record, EventHeaders.BUSINESS_DATE)).isEqualTo("2026-11-24");
    }

    @Test
    void senderIsReusableForAnyJobDateAndRequester() {
        String kickoffId = kickoffSender.send(Job.SUBMERCHANT_REGISTRATION_RESULT, LocalDate.of(2026, 11, 20),
                "operator:kim");

        KickoffRequested kickoff = KickoffParser.parse(awaitRecord(kickoffId).value());
        assertThat(kickoff.job()).isEqualTo(Job.SUBMERCHANT_REGISTRATION_RESULT);
        assertThat(kickoff.businessDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(kickoff.requestedBy()).isEqualTo("operator:kim");
    }

    @Test
    void standaloneSenderWorksWithoutSpring() {
        String kickoffId;
        try (KickoffSender sender = KickoffSender.create(LocalStack.kafka().bootstrapServers(),
                Clock.fixed(NOW, SEOUL))) {
            kickoffId = sender.send(Job.DIFF_SETTLEMENT_RESULT, LocalDate.of(2026, 11, 24), "demo");
        }
        assertThat(KickoffParser.parse(awaitRecord(kickoffId).value()).job()).isEqualTo(Job.DIFF_SETTLEMENT_RESULT);
    }

    @Test
    void bindsDomainSchedulesAndPerJobSwitches() {
        assertThat(properties.zone()).isEqualTo(SEOUL);
        assertThat(properties.settlementRequest().cron()).isEqualTo("0 15 7 * * MON-FRI");
        assertThat(properties.registrationRequest().cron()).isEqualTo("0 15 6 * * MON-FRI");
        assertThat(properties.settlementResult().cron()).isEqualTo("0 15 7 * * *");
        assertThat(properties.registrationResult().cron()).isEqualTo("0 15 6 * * *");
        assertThat(properties.settlementRequest().isEnabled()).isTrue();
        assertThat(properties.registrationResult().isEnabled()).isFalse();
    }

    private static final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private static ConsumerRecord<String, byte[]> awaitRecord(String kickoffId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(r -> kickoffId.equals(header(r, EventHeaders.EVENT_ID)));
        });
        return seen.stream().filter(r -> kickoffId.equals(header(r, EventHeaders.EVENT_ID))).findFirst()
                .orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
