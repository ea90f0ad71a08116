package kr.co.pg.settlement.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sub-merchant registration end to end: collector -> outbox/Debezium -> Kafka -> gateway -> KIS simulator ->
 * poller -> Kafka -> collector, on real MariaDB and Kafka. The steps build on each other (one business day,
 * then the next), so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationDayE2eTest extends SystemE2eSupport {

    static final LocalDate DAY_1 = LocalDate.of(2025, 2, 17);
    static final LocalDate DAY_2 = LocalDate.of(2025, 2, 18);
    static final String SMALL_BN = "2208162517";
    static final String MEDIUM_BN = businessNumber("123450001");
    static final String GENERAL_BN = businessNumber("123450002");
    static final String CLOSED_AT_TAX_OFFICE_BN = businessNumber("123450003");
    static final String SHARED_BN = businessNumber("123450004");

    @BeforeAll
    static void start() throws Exception {
        startSystem(4, 50); // four sub-merchants per R1 file: several files per day
        simulator.annualSales(Map.of(SMALL_BN, 250_000_000L, MEDIUM_BN, 400_000_000L, GENERAL_BN, 5_000_000_000L));
        simulator.closed(List.of(CLOSED_AT_TAX_OFFICE_BN));
        insertSubMerchant("SM-SMALL", SMALL_BN, "한빛상사", "김민준", LocalDate.of(2020, 1, 1), "NONE", null);
        insertSubMerchant("SM-MEDIUM", MEDIUM_BN, "푸른숲베이커리 강남점", "이서연", LocalDate.of(2024, 6, 1), "NONE", null);
        insertSubMerchant("SM-GENERAL", GENERAL_BN, "온누리전자", "박도윤", LocalDate.of(2010, 3, 2), "NONE", null);
        insertSubMerchant("SM-L101", "1048100056", "별빛문구", "최지우", LocalDate.of(2021, 5, 5), "NONE", null);
        insertSubMerchant("SM-L102", businessNumber("123450010"), "미소커피 \uD83D\uDE00", "정하준",
                LocalDate.of(2021, 5, 5), "NONE", null);
        insertSubMerchant("SM-L103", businessNumber("123450011"), "다온꽃집", " ", LocalDate.of(2021, 5, 5), "NONE", null);
        insertSubMerchant("SM-E102", CLOSED_AT_TAX_OFFICE_BN, "새봄식품", "강서윤", LocalDate.of(2019, 1, 1), "NONE", null);
        insertSubMerchant("SM-DUP-A", SHARED_BN, "가람공방", "조시우", LocalDate.of(2018, 1, 1), "NONE", null);
        insertSubMerchant("SM-DUP-B", SHARED_BN, "가람공방 2호점", "조시우", LocalDate.of(2018, 1, 1), "NONE", null);
        insertSubMerchant("SM-E104-U", businessNumber("123450005"), "초록서점", "윤하은", LocalDate.of(2017, 1, 1),
                "CHANGED", null);
        insertSubMerchant("SM-E104-C", businessNumber("123450006"), "솔빛약국", "장주원", LocalDate.of(2017, 1, 1),
                "CLOSE_PENDING", LocalDate.of(2025, 2, 10));
    }

    @Test
    @Order(1)
    void aBusinessDayEndsWithEverySubMerchantInItsRightState() {
        String kickoff = kickoffs.send(Job.SUBMERCHANT_REGISTRATION_REQUEST, DAY_1);
        awaitJobDone(kickoff);
        kickoffs.send(Job.SUBMERCHANT_REGISTRATION_RESULT, DAY_1);
        awaitNoSubMerchantIn("NONE", "CHANGED", "CLOSE_PENDING", "REQUESTED", "SENT");

        // KIS accepted: tier from its registry, valid from max(opened-on, file date - 1 year) to 2025-08-13
        assertThat(registration("SM-SMALL")).matches("REGISTERED\\|0000\\|SMALL\\|2024-02-17\\|2025-08-13\\|KIS\\d{12}");
        assertThat(registration("SM-MEDIUM")).matches("REGISTERED\\|0000\\|MEDIUM_1\\|2024-06-01\\|2025-08-13\\|KIS\\d{12}");
        assertThat(registration("SM-GENERAL")).matches("REGISTERED\\|0000\\|GENERAL\\|2024-02-17\\|2025-08-13\\|KIS\\d{12}");
        assertThat(registration("SM-DUP-A")).startsWith("REGISTERED|0000|");
        // local checks: rejected, never sent
        assertThat(registration("SM-L101")).startsWith("REJECTED|L101|");
        assertThat(registration("SM-L102")).startsWith("REJECTED|L102|");
        assertThat(registration("SM-L103")).startsWith("REJECTED|L103|");
        // KIS's rejections
        assertThat(registration("SM-E102")).startsWith("REJECTED|E102|null|");
        assertThat(registration("SM-DUP-B")).startsWith("REJECTED|E103|null|");
        assertThat(registration("SM-E104-U")).startsWith("REJECTED|E104|");
        assertThat(registration("SM-E104-C")).startsWith("REJECTED|E104|");

        Map<String, Integer> received = simulator.receivedCounts("R1");
        assertThat(received).doesNotContainKeys("SM-L101", "SM-L102", "SM-L103");
        assertThat(received).containsOnlyKeys("SM-SMALL", "SM-MEDIUM", "SM-GENERAL", "SM-E102", "SM-DUP-A",
                "SM-DUP-B", "SM-E104-U", "SM-E104-C");
        assertThat(received.values()).containsOnly(1);
        List<Integer> recordCounts = simulator.files().stream().map(f -> ((Number) f.get("recordCount")).intValue()).toList();
        assertThat(recordCounts).allMatch(count -> count <= 4); // four sub-merchants per file at most
        assertThat(recordCounts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(8);
        assertThat(db.count("SELECT COUNT(*) FROM sub_merchant WHERE kis_reg_status = 'REGISTERED'"
                + " AND (kis_reg_updated_at IS NULL OR kis_reg_result_msg IS NULL)")).isZero();
    }

    @Test
    @Order(2)
    void theSameKickoffDeliveredTwiceChangesNothing() throws Exception {
        Map<String, List<String>> before = fingerprint();
        int filesBefore = simulator.files().size();
        String duplicate = "{\"kickoffId\":\"dup-kickoff-0001\",\"job\":\"SUBMERCHANT_REGISTRATION_REQUEST\","
                + "\"businessDate\":\"2025-02-17\",\"requestedAt\":\"2025-02-17T06:15:00+09:00\",\"requestedBy\":\"test\"}";
        insertSubMerchant("SM-ONCE", businessNumber("123450020"), "행복마켓", "임예준", LocalDate.of(2016, 1, 1), "NONE", null);
        kickoffs.sendRaw("SUBMERCHANT_REGISTRATION_REQUEST", duplicate.getBytes(StandardCharsets.UTF_8));
        awaitJobDone("dup-kickoff-0001");
        awaitNoSubMerchantIn("NONE", "REQUESTED", "SENT");
        Map<String, List<String>> afterFirst = fingerprint();
        kickoffs.sendRaw("SUBMERCHANT_REGISTRATION_REQUEST", duplicate.getBytes(StandardCharsets.UTF_8));
        // a later kick-off proves the duplicate was consumed before we compare
        String later = kickoffs.send(Job.SUBMERCHANT_REGISTRATION_REQUEST, DAY_1);
        awaitJobDone(later);

        assertThat(simulator.files()).hasSize(filesBefore + 1);
        assertThat(simulator.receivedCounts("R1")).containsEntry("SM-ONCE", 1);
        assertThat(registration("SM-ONCE")).startsWith("REGISTERED|0000|");
        Map<String, List<String>> afterDuplicate = fingerprint();
        afterDuplicate.values().forEach(rows -> rows.removeIf(r -> r.contains(later)));
        assertThat(afterDuplicate).isEqualTo(afterFirst);
        assertThat(before).isNotEqualTo(afterFirst);
    }

    @Test
    @Order(3)
    void theNextDaySendsUpdatesAndClosesOfRegisteredSubMerchants() throws Exception {
        execute("UPDATE sub_merchant SET kis_reg_status = 'CHANGED', address = '서울특별시 서초구 서초대로 1'"
                + " WHERE sub_merchant_id = 'SM-MEDIUM'");
        execute("UPDATE sub_merchant SET kis_reg_status = 'CLOSE_PENDING', closed_on = '2025-02-17'"
                + " WHERE sub_merchant_id = 'SM-SMALL'");
        String kickoff = kickoffs.send(Job.SUBMERCHANT_REGISTRATION_REQUEST, DAY_2);
        awaitJobDone(kickoff);
        kickoffs.send(Job.SUBMERCHANT_REGISTRATION_RESULT, DAY_2);
        awaitNoSubMerchantIn("CHANGED", "CLOSE_PENDING", "REQUESTED", "SENT");

        assertThat(registration("SM-MEDIUM")).matches("REGISTERED\\|0000\\|MEDIUM_1\\|2024-06-01\\|2025-08-13\\|KIS\\d{12}");
        assertThat(registration("SM-SMALL")).contains("|2025-02-17|"); // valid to the closing date
        assertThat(simulator.receivedCounts("R1")).containsEntry("SM-MEDIUM", 2).containsEntry("SM-SMALL", 2);
    }

    @Test
    @Order(4)
    void theGatewayStoppedMidFlowLosesAndDuplicatesNothing() throws Exception {
        for (int i = 0; i < 10; i++) {
            insertSubMerchant("SM-GW-" + i, businessNumber(String.valueOf(223450100 + i)), "늘솜반찬가게 " + i + "호점",
                    "한지민", LocalDate.of(2019, 1, 1), "NONE", null);
        }
        stack.stopGateway();
        String kickoff = kickoffs.send(Job.SUBMERCHANT_REGISTRATION_REQUEST, DAY_2);
        awaitJobDone(kickoff);
        assertThat(db.count("SELECT COUNT(*) FROM sub_merchant WHERE sub_merchant_id LIKE 'SM-GW-%'"
                + " AND kis_reg_status = 'REQUESTED'")).isEqualTo(10);
        stack.startGateway();
        awaitNoSubMerchantIn("NONE", "REQUESTED", "SENT");

        Map<String, Integer> received = simulator.receivedCounts("R1");
        for (int i = 0; i < 10; i++) {
            assertThat(received).containsEntry("SM-GW-" + i, 1);
            assertThat(registration("SM-GW-" + i)).startsWith("REGISTERED|0000|");
        }
    }

    @Test
    @Order(5)
    void kisAnswering503ForAWhileDelaysButDoesNotDuplicate() throws Exception {
        for (int i = 0; i < 6; i++) {
            insertSubMerchant("SM-503-" + i, businessNumber(String.valueOf(323450100 + i)), "바다서점 " + i,
                    "오수아", LocalDate.of(2019, 1, 1), "NONE", null);
        }
        simulator.setFaults("{\"unavailableShare\": 1.0}");
        String kickoff = kickoffs.send(Job.SUBMERCHANT_REGISTRATION_REQUEST, DAY_2);
        awaitJobDone(kickoff);
        // KIS answers 503 to everything: the gateway cannot finish the file events (its group has not committed them),
        // nothing gets through, nothing is given up
        await().atMost(Duration.ofSeconds(30)).until(() -> uncommittedFileEvents() > 0);
        assertThat(db.count("SELECT COUNT(*) FROM sub_merchant WHERE sub_merchant_id LIKE 'SM-503-%'"
                + " AND kis_reg_status = 'REQUESTED'")).isEqualTo(6);
        assertThat(simulator.receivedCounts("R1")).doesNotContainKeys("SM-503-0", "SM-503-1", "SM-503-2", "SM-503-3",
                "SM-503-4", "SM-503-5");
        simulator.resetFaults();
        // every file event consumed and committed: nothing more can come
        await().atMost(Duration.ofSeconds(60)).until(() -> uncommittedFileEvents() == 0);
        awaitNoSubMerchantIn("NONE", "REQUESTED", "SENT");

        Map<String, Integer> received = simulator.receivedCounts("R1");
        for (int i = 0; i < 6; i++) {
            assertThat(received).containsEntry("SM-503-" + i, 1);
            assertThat(registration("SM-503-" + i)).startsWith("REGISTERED|0000|");
        }
    }

    @Test
    @Order(6)
    void replayingEveryTopicFromTheBeginningLeavesTheTablesExactlyAsTheyWere() {
        Map<String, List<String>> before = fingerprint();
        int filesBefore = simulator.files().size();

        replayAllTopics();

        assertThat(fingerprint()).isEqualTo(before);
        assertThat(simulator.files()).hasSize(filesBefore);
        assertThat(simulator.receivedCounts("R1").values()).allMatch(count -> count <= 2);
    }

    /** Registration file events the gateway's group has not committed yet (end offset minus committed, per partition). */
    private static long uncommittedFileEvents() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalStack.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(ConsumerGroups.GATEWAY)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Topics.REGISTRATION_FILE_REQUESTED)).allTopicNames().get()
                    .get(Topics.REGISTRATION_FILE_REQUESTED).partitions()
                    .forEach(p -> latest.put(new TopicPartition(Topics.REGISTRATION_FILE_REQUESTED, p.partition()),
                            OffsetSpec.latest()));
            long uncommitted = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end
                    : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata position = committed.get(end.getKey());
                uncommitted += end.getValue().offset() - (position == null ? 0 : position.offset());
            }
            return uncommitted;
        }
    }
}
