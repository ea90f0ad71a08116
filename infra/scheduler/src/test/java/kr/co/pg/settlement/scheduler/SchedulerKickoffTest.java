package kr.co.pg.settlement.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
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
import kr.co.pg.settlement.scheduler.adapter.out.kafka.KickoffSender;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** A scheduled kick-off reaches the topic in the contract's shape (real Kafka); the schedule endpoint. */
class SchedulerKickoffTest {

    /** Tuesday 2026-11-24 07:15 KST: the slots of 06:15 and 07:15 are due. */
    static final MutableClock CLOCK = new MutableClock("2026-11-24T07:15");
    static SchedulerInstances instances;
    static ConfigurableApplicationContext instance;
    static KafkaConsumer<String, byte[]> consumer;
    static final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @BeforeAll
    static void start() {
        instances = new SchedulerInstances(CLOCK);
        instance = instances.start();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "scheduler-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(Set.of(instances.kickoffTopic, Topics.KICKOFF));
    }

    @AfterAll
    static void stop() {
        consumer.close();
        instances.close();
    }

    @Test
    void dueSlotIsSentInTheContractsShape() {
        ConsumerRecord<String, byte[]> record = awaitRecord("sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715");

        assertThat(record.topic()).isEqualTo(instances.kickoffTopic);
        assertThat(record.key()).isEqualTo("DIFF_SETTLEMENT_REQUEST");
        KickoffRequested kickoff = KickoffParser.parse(record.value());
        assertThat(kickoff.job()).isEqualTo(Job.DIFF_SETTLEMENT_REQUEST);
        assertThat(kickoff.businessDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(kickoff.requestedAt()).isEqualTo(OffsetDateTime.parse("2026-11-24T07:15:00+09:00"));
        assertThat(kickoff.requestedBy()).isEqualTo("scheduler");
        JsonNode json = EventJson.mapper().readTree(record.value());
        assertThat(new ArrayList<>(json.propertyNames()))
                .containsExactly("kickoffId", "job", "businessDate", "requestedAt", "requestedBy");
        assertThat(json.get("requestedAt").asString()).isEqualTo("2026-11-24T07:15:00+09:00");
        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo("sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715");
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("KickoffRequested");
        assertThat(header(record, EventHeaders.BUSINESS_DATE)).isEqualTo("2026-11-24");
        // each kick-off begins a trace of its own (W3C traceparent; the services continue it)
        String traceparent = header(record, "traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-3]");
        assertThat(header(awaitRecord("sched:DIFF_SETTLEMENT_RESULT:2026-11-24:0715"), "traceparent"))
                .doesNotContain(traceparent.substring(3, 35));

        SchedulerInstances.awaitLeaderTicks(instance, 2);
        assertThat(instances.kickoffIds()).containsExactly(
                "sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715", "sched:DIFF_SETTLEMENT_RESULT:2026-11-24:0715",
                "sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-11-24:0615",
                "sched:SUBMERCHANT_REGISTRATION_RESULT:2026-11-24:0615");
    }

    @Test
    void scheduleEndpointListsNextRunsWithHolidaySkipsAndTheYearsHolidays() throws Exception {
        SchedulerInstances.awaitLeaderTicks(instance, 1);
        int port = Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
        URI schedule = URI.create("http://localhost:" + port + "/api/schedule?runs=23");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(schedule).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("without the management credential").isEqualTo(401);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(schedule)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((SchedulerInstances.MANAGEMENT_USER
                        + ":" + SchedulerInstances.MANAGEMENT_PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = EventJson.mapper().readTree(response.body());
        assertThat(body.get("zone").asString()).isEqualTo("Asia/Seoul");
        assertThat(body.get("now").asString()).isEqualTo("2026-11-24T07:15+09:00");
        assertThat(body.get("catchUpWindow").asString()).isEqualTo("PT6H");
        assertThat(body.get("leader").asBoolean()).isTrue();
        // the day before the window: due, never sent (the scheduler did not exist), not caught up
        JsonNode missed = body.get("missed");
        assertThat(missed.size()).isEqualTo(4);
        assertThat(missed.get(0).get("kickoffId").asString())
                .isEqualTo("sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-11-23:0615");
        assertThat(missed.get(0).get("businessDate").asString()).isEqualTo("2026-11-23");
        JsonNode request = body.get("jobs").get(2);
        assertThat(request.get("job").asString()).isEqualTo("DIFF_SETTLEMENT_REQUEST");
        assertThat(request.get("schedule").asString()).isEqualTo("0 15 7 * * MON-FRI in Asia/Seoul");
        assertThat(request.get("skipsHolidays").asBoolean()).isTrue();
        JsonNode runs = request.get("nextRuns");
        assertThat(runs.size()).isEqualTo(23);
        assertThat(runs.get(0).get("at").asString()).isEqualTo("2026-11-25T07:15+09:00");
        assertThat(runs.get(0).get("businessDate").asString()).isEqualTo("2026-11-25");
        assertThat(runs.get(0).get("kickoffId").asString()).isEqualTo("sched:DIFF_SETTLEMENT_REQUEST:2026-11-25:0715");
        assertThat(runs.get(0).get("status").asString()).isEqualTo("RUN");
        assertThat(runs.get(22).get("businessDate").asString()).isEqualTo("2026-12-25");
        assertThat(runs.get(22).get("status").asString()).isEqualTo("SKIPPED_HOLIDAY");
        assertThat(runs.get(22).get("reason").asString()).isEqualTo("기독탄신일");
        JsonNode result = body.get("jobs").get(3);
        assertThat(result.get("skipsHolidays").asBoolean()).isFalse();
        assertThat(result.get("nextRuns").get(22).get("businessDate").asString()).isEqualTo("2026-12-17");
        JsonNode holidays = body.get("holidays");
        assertThat(holidays.get("year").asInt()).isEqualTo(2026);
        assertThat(holidays.get("source").asString()).isEqualTo("classpath:holidays/2026.txt");
        assertThat(holidays.get("days").size()).isEqualTo(21);
        assertThat(holidays.get("days").get(3).get("date").asString()).isEqualTo("2026-02-18");
        assertThat(body.get("holidayYears").toString()).isEqualTo("[2025,2026,2027]");
        assertThat(body.get("missingHolidayYears").size()).isZero();
    }

    @Test
    void standaloneSenderWorksWithoutSpring() {
        String kickoffId;
        try (KickoffSender sender = KickoffSender.create(LocalStack.kafka().bootstrapServers(),
                Clock.fixed(CLOCK.instant(), MutableClock.SEOUL))) {
            kickoffId = sender.send(Job.DIFF_SETTLEMENT_RESULT, LocalDate.of(2026, 11, 24), "operator:kim").kickoffId();
        }
        ConsumerRecord<String, byte[]> record = awaitRecord(kickoffId);
        assertThat(record.topic()).isEqualTo(Topics.KICKOFF);
        assertThat(UUID.fromString(kickoffId)).isNotNull();
        assertThat(KickoffParser.parse(record.value()).requestedBy()).isEqualTo("operator:kim");
    }

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
