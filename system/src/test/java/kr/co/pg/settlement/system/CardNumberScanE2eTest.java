package kr.co.pg.settlement.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.ops.SettlementCli;
import kr.co.pg.settlement.system.launch.ManagementAccess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

/**
 * "No full card number anywhere" (SECURITY.md): a day whose source rows carry unmasked card numbers of 13 to 16
 * digits, Luhn-valid and not, in {@code payment_transaction.masked_card_no}, and card-number-like digit runs of 13
 * to 19 digits in a sub-merchant's free text (name, representative, address). After the registration and the
 * difference settlement of the day, the test scans every log line the services wrote, every column of every table
 * of both databases, every key, value and header of every topic from the beginning, every file the services
 * wrote (their state and work directories, and new files in the temp directory), and every HTTP answer an operator
 * or KIS sees (the day report, every actuator endpoint, the simulator's admin API, ops-cli {@code tx} and
 * {@code report}).
 *
 * <p>Card numbers in {@code masked_card_no}: refused with L201 before any eligibility rule, never sent; the only
 * place a full number may remain is the source column itself (the PG's own row, which the system must not rewrite;
 * the L201 message tells the operator to fix it). {@code masked_card_no} is CHAR(16): a 17-19 digit number cannot
 * be stored there at all (the database refuses the row), so 17-19 digit runs are planted in free text only.
 *
 * <p>Free text: the system cannot tell a card number from a digit run in a name; the reading of
 * docs/architecture.md is that it is carried to KIS as entered (R1) and shown where the name is shown, but never
 * written to a log line or an actuator answer. The test checks that reading, and that the R1 file did carry it.
 *
 * <p>Planted numbers are random per run (no clash with another test's files in the temp directory); failure
 * messages name the planted value by its label, never by its digits.
 */
class CardNumberScanE2eTest extends SystemE2eSupport {

    static final LocalDate DAY = LocalDate.of(2025, 2, 17);
    static final String SMALL_BN = "2208162517";
    static final String GENERAL_BN = businessNumber("123450002");
    static final String REJECTED_BN = "1048100056"; // wrong check digit: L101, never registered

    /** label → planted digits: in masked_card_no. */
    static final Map<String, String> CARD = new LinkedHashMap<>();
    /** label → planted digits: in free text of a sub-merchant. */
    static final Map<String, String> FREE_TEXT = new LinkedHashMap<>();
    /** label → digits: logged on purpose through the collector's logger, proving the log capture sees the services. */
    static final Map<String, String> CANARY = new LinkedHashMap<>();

    static final TeeStream CAPTURE = new TeeStream();
    static PrintStream originalOut;
    static PrintStream originalErr;
    static Instant startedAt;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** what the scan found: label → where. */
    static final Map<String, Set<String>> FOUND = new TreeMap<>();

    @BeforeAll
    static void runTheDayAndScanEverything() throws Exception {
        startedAt = Instant.now().minusSeconds(2);
        originalOut = System.out;
        originalErr = System.err;
        // Logback's console appender writes through System.out at each event: every service in this JVM is captured
        System.setOut(new PrintStream(CAPTURE.tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(CAPTURE.tee(originalErr), true, StandardCharsets.UTF_8));
        plantNumbers();

        startSystem(100, 7);
        simulator.annualSales(Map.of(SMALL_BN, 250_000_000L, GENERAL_BN, 5_000_000_000L));
        insertSubMerchant("SM-A", SMALL_BN, "카드상회 " + FREE_TEXT.get("F17-luhn-name"), "김" + FREE_TEXT.get("F13-luhn-rep"),
                LocalDate.of(2020, 1, 1), "NONE", null);
        execute("UPDATE sub_merchant SET address = ? WHERE sub_merchant_id = 'SM-A'",
                "서울특별시 강남구 테헤란로 152 " + FREE_TEXT.get("F19-plain-address"));
        insertSubMerchant("SM-G", GENERAL_BN, "온누리 " + FREE_TEXT.get("F16-luhn-name"), "박도윤",
                LocalDate.of(2020, 1, 1), "NONE", null);
        execute("UPDATE sub_merchant SET address = ? WHERE sub_merchant_id = 'SM-G'",
                "부산광역시 " + FREE_TEXT.get("F18-luhn-address"));
        insertSubMerchant("SM-REJ", REJECTED_BN, "별빛 " + FREE_TEXT.get("F15-plain-name"), "최지우",
                LocalDate.of(2020, 1, 1), "NONE", null);
        String registration = kickoffs.send(Job.SUBMERCHANT_REGISTRATION_REQUEST, DAY);
        awaitJobDone(registration);
        awaitNoSubMerchantIn("NONE", "REQUESTED", "SENT");

        // id, sub-merchant, type, approved at, approval no, original no, original date, card, amount, rate
        tx("T-MASKED", "SM-A", "APPROVAL", "2025-02-14T09:00:00", "20000001", null, null, "540926******1234", 10_000, "2.300");
        int n = 2;
        for (Map.Entry<String, String> card : CARD.entrySet()) {
            // eligible in every other respect: only the mask check keeps them from KIS
            tx("T-" + card.getKey(), "SM-A", "APPROVAL", "2025-02-14T10:00:0" + n, "2000000" + n, null, null,
                    card.getValue(), 10_000, "2.300");
            n++;
        }
        tx("T-GENERAL", "SM-G", "APPROVAL", "2025-02-15T08:00:00", "20000101", null, null, CARD.get("C16-luhn"), 10_000, "2.300");
        tx("T-LOW-RATE", "SM-A", "APPROVAL", "2025-02-15T08:00:00", "20000102", null, null, CARD.get("C15-luhn"), 10_000, "0.300");
        tx("T-PAIR-A", "SM-A", "APPROVAL", "2025-02-15T10:00:00", "20000103", null, null, "540926******5678", 5_000, "2.300");
        tx("T-PAIR-C", "SM-A", "CANCEL", "2025-02-15T11:00:00", "20000104", "20000103", "2025-02-15", CARD.get("C13-luhn"),
                -5_000, "2.300");
        tx("T-NOT-REG", "SM-REJ", "APPROVAL", "2025-02-15T08:00:00", "20000105", null, null, CARD.get("C16-plain"), 10_000, "2.300");
        // masked_card_no is CHAR(16): the database refuses a longer value (strict mode), so 17-19 digits never get in
        for (int length = 17; length <= 19; length++) {
            String longNumber = luhn("4" + digits(length - 2));
            assertThatThrownBy(() -> tx("T-TOO-LONG", "SM-A", "APPROVAL", "2025-02-15T08:00:00", "20000199", null, null,
                    longNumber, 10_000, "2.300")).as("a %d-digit card number in CHAR(16)", length)
                    .isInstanceOf(SQLException.class);
        }

        String request = kickoffs.send(Job.DIFF_SETTLEMENT_REQUEST, DAY);
        awaitJobDone(request);
        kickoffs.send(Job.DIFF_SETTLEMENT_RESULT, DAY);
        awaitNoTransactionIn("COLLECTED", "SENT");

        // the canary: what a collector that logged the raw column of a refused row would write
        LoggerFactory.getLogger("kr.co.pg.settlement.collector.application.SettlementCollector").error("canary: transaction T-CANARY NOT SENT: L201 masked_card_no {}",
                CANARY.get("canary-16"));
        scanEverything();
    }

    @AfterAll
    static void restoreStreams() {
        if (originalOut != null) {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void everyUnmaskedRowIsRefusedWithL201BeforeTheEligibilityRulesAndNeverSent() {
        assertThat(row("T-MASKED")).isEqualTo("SETTLED|0000");
        for (String label : CARD.keySet()) {
            assertThat(row("T-" + label)).as(label).isEqualTo("REJECTED|L201");
        }
        assertThat(row("T-GENERAL")).as("GENERAL tier: L201, not N001").isEqualTo("REJECTED|L201");
        assertThat(row("T-LOW-RATE")).as("rate not above preferential: L201, not N002").isEqualTo("REJECTED|L201");
        // one row of a same-day cancel pair unmasked: that row L201, its masked partner still N003; neither sent
        assertThat(row("T-PAIR-C")).isEqualTo("REJECTED|L201");
        assertThat(row("T-PAIR-A")).isEqualTo("NOT_ELIGIBLE|N003");
        // sub-merchant never registered: the policy refuses the row as soon as the collector reads it; the candidate
        // query reads only REGISTERED sub-merchants' rows, so until it does, the row waits NONE (never sent either way)
        assertThat(row("T-NOT-REG")).isIn("NONE|null", "REJECTED|L201");
        assertThat(simulator.receivedCounts("S1")).containsOnlyKeys("T-MASKED");
    }

    @Test
    void theScanCanFail() {
        // the canary went through the collector's own logger: the capture sees what the services log
        assertThat(FOUND.get("canary-16")).as("where the canary was found").anyMatch(where -> where.startsWith("log"));
        // and the source rows are where they were planted: the table scan reads them
        for (String label : CARD.keySet()) {
            assertThat(FOUND.get(label)).as(label).contains("table settlement.payment_transaction.masked_card_no");
        }
    }

    @Test
    void noFullCardNumberOutsideItsSourceColumn() {
        Map<String, Set<String>> leaks = new TreeMap<>();
        for (String label : CARD.keySet()) {
            Set<String> where = new TreeSet<>(FOUND.getOrDefault(label, Set.of()));
            where.remove("table settlement.payment_transaction.masked_card_no");
            if (!where.isEmpty()) {
                leaks.put(label, where);
            }
        }
        assertThat(leaks).as("full card numbers found outside payment_transaction.masked_card_no").isEmpty();
    }

    @Test
    void freeTextDigitRunsAreCarriedToKisButNeverLoggedNorInAnActuator() {
        Map<String, Set<String>> leaks = new TreeMap<>();
        for (String label : FREE_TEXT.keySet()) {
            Set<String> where = new TreeSet<>(FOUND.getOrDefault(label, Set.of()));
            where.removeIf(w -> !(w.startsWith("log") || w.startsWith("http actuator")));
            if (!where.isEmpty()) {
                leaks.put(label, where);
            }
        }
        assertThat(leaks).as("free-text digit runs in log lines or actuator answers").isEmpty();
        // the reading: a name is carried to KIS as entered (R1 on the simulator's disk)
        for (String label : List.of("F17-luhn-name", "F13-luhn-rep", "F19-plain-address", "F16-luhn-name",
                "F18-luhn-address")) {
            assertThat(FOUND.get(label)).as(label).anyMatch(w -> w.startsWith("file kis-simulator/"));
        }
    }

    // ---------------------------------------------------------------------------------------------- planting

    static void plantNumbers() {
        CARD.put("C13-luhn", luhn("4" + digits(11)));
        CARD.put("C13-plain", notLuhn("4" + digits(11)));
        CARD.put("C14-luhn", luhn("36" + digits(11)));
        CARD.put("C15-luhn", luhn("37" + digits(12)));
        CARD.put("C15-plain", notLuhn("34" + digits(12)));
        CARD.put("C16-luhn", luhn("4" + digits(14)));
        CARD.put("C16-plain", notLuhn("5" + digits(14)));
        CARD.put("C16-luhn-2", luhn("9" + digits(14)));
        FREE_TEXT.put("F13-luhn-rep", luhn("4" + digits(11)));
        FREE_TEXT.put("F15-plain-name", notLuhn("37" + digits(12)));
        FREE_TEXT.put("F16-luhn-name", luhn("5" + digits(14)));
        FREE_TEXT.put("F17-luhn-name", luhn("6" + digits(15)));
        FREE_TEXT.put("F18-luhn-address", luhn("62" + digits(15)));
        FREE_TEXT.put("F19-plain-address", notLuhn("4" + digits(17)));
        CANARY.put("canary-16", luhn("4" + digits(14)));
    }

    static String digits(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(ThreadLocalRandom.current().nextInt(10));
        }
        return b.toString();
    }

    static String luhn(String body) {
        return body + luhnDigit(body);
    }

    static String notLuhn(String body) {
        return body + (luhnDigit(body) + 1) % 10;
    }

    static int luhnDigit(String body) {
        int sum = 0;
        boolean dbl = true; // the check digit will be at the right: the body's last digit is doubled
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    static boolean luhnValid(String number) {
        return luhnDigit(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1) - '0';
    }

    @Test
    void thePlantedNumbersAreWhatTheirLabelsSay() {
        Map<String, String> all = new LinkedHashMap<>(CARD);
        all.putAll(FREE_TEXT);
        all.forEach((label, number) -> {
            assertThat(number).as(label).hasSize(Integer.parseInt(label.substring(1, 3)));
            assertThat(luhnValid(number)).as(label).isEqualTo(label.contains("luhn"));
        });
        // the check itself, on numbers spelled out digit by digit (no card number is written in the source)
        assertThat(luhnValid("4" + "1".repeat(15))).isTrue();
        assertThat(luhnValid("4" + "1".repeat(14) + "2")).isFalse();
    }

    private static void tx(String id, String subMerchant, String type, String approvedAt, String approvalNo,
                           String originalNo, String originalOn, String card, long amount, String rate)
            throws SQLException {
        BigDecimal appliedRate = new BigDecimal(rate);
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type,"
                        + " transaction_type, approval_no, approved_at, original_approval_no, original_approved_on,"
                        + " masked_card_no, amount, applied_fee_rate, fee_amount) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, subMerchant);
            ps.setString(3, "KB");
            ps.setString(4, "CREDIT");
            ps.setString(5, type);
            ps.setString(6, approvalNo);
            ps.setObject(7, LocalDateTime.parse(approvedAt));
            ps.setString(8, originalNo);
            ps.setObject(9, originalOn == null ? null : LocalDate.parse(originalOn));
            ps.setString(10, card);
            ps.setLong(11, amount);
            ps.setBigDecimal(12, appliedRate);
            ps.setLong(13, BigDecimal.valueOf(amount).multiply(appliedRate).movePointLeft(2).longValue());
            ps.executeUpdate();
        }
    }

    private static String row(String transactionId) {
        List<String> rows = db.dump("SELECT diff_status, diff_result_code FROM payment_transaction WHERE transaction_id = '"
                + transactionId + "'");
        return rows.isEmpty() ? "<missing>" : rows.get(0);
    }

    // ---------------------------------------------------------------------------------------------- scanning

    static void scanEverything() throws Exception {
        SystemStack.Options o = stack.options();
        long t0 = System.nanoTime();
        // HTTP first: what the answers add to the logs is scanned with the logs
        scanHttp(o);
        long t1 = System.nanoTime();
        scanOpsCli(o);
        long t2 = System.nanoTime();
        scanTables("settlement", db.dataSource(), o.settlementDatabase());
        scanTables("poller", SettlementDb.dataSource(o.dbHost(), o.dbPort(), o.pollerDatabase(), o.dbUser(),
                o.dbPassword()), o.pollerDatabase());
        long t3 = System.nanoTime();
        scanTopics(o.kafkaBootstrap());
        long t4 = System.nanoTime();
        scanFiles(o.stateDir(), "");
        scanNewTempFiles(o.stateDir());
        long t5 = System.nanoTime();
        originalOut.printf("card-number scan: http %d ms, ops-cli %d ms, tables %d ms, topics %d ms, files %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                (t5 - t4) / 1_000_000);
        System.out.flush();
        System.err.flush();
        scanLog(CAPTURE.text());
    }

    static void found(String where, String text) {
        Map<String, String> all = new LinkedHashMap<>(CARD);
        all.putAll(FREE_TEXT);
        all.putAll(CANARY);
        all.forEach((label, number) -> {
            if (text.contains(number)) {
                FOUND.computeIfAbsent(label, k -> new TreeSet<>()).add(where);
            }
        });
    }

    static void scanLog(String log) {
        for (String line : log.split("\n")) {
            found("log", line);
        }
        // where the logs leak, name the logger (first 120 characters of the line, numbers replaced by their labels)
        Map<String, String> all = new LinkedHashMap<>(CARD);
        all.putAll(FREE_TEXT);
        for (String line : log.split("\n")) {
            for (Map.Entry<String, String> e : all.entrySet()) {
                if (line.contains(e.getValue())) {
                    String shown = line;
                    for (Map.Entry<String, String> r : all.entrySet()) {
                        shown = shown.replace(r.getValue(), "<" + r.getKey() + ">");
                    }
                    FOUND.get(e.getKey()).add("log: " + shown.substring(0, Math.min(240, shown.length())));
                }
            }
        }
    }

    static void scanTables(String role, DataSource dataSource, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        assertThat(tables).as("tables of " + role).isNotEmpty();
        for (String table : tables) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM `" + table + "`"); ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        if (value == null) {
                            continue;
                        }
                        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                                + new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
                        found("table " + role + "." + table + "." + md.getColumnLabel(i).toLowerCase(), text);
                    }
                }
            }
        }
    }

    static void scanTopics(String bootstrap) throws Exception {
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(ap)) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            for (TopicDescription d : admin.describeTopics(names).allTopicNames().get().values()) {
                d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
            }
        }
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        cp.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "33554432");
        cp.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, "67108864");
        Map<String, Long> messages = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("all topics read within 30 s").isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String where = "topic " + r.topic();
                    messages.merge(r.topic(), 1L, Long::sum);
                    if (r.key() != null) {
                        found(where + " key", new String(r.key(), StandardCharsets.ISO_8859_1));
                    }
                    if (r.value() != null) {
                        found(where + " value", new String(r.value(), StandardCharsets.ISO_8859_1));
                    }
                    for (Header h : r.headers()) {
                        found(where + " header " + h.key(), h.key() + (h.value() == null ? ""
                                : new String(h.value(), StandardCharsets.ISO_8859_1)));
                    }
                }
            }
        }
        // the day went through the broker: the scan read real traffic, not empty topics
        assertThat(messages).containsKeys("settlement.diff.file-requested.v1", "settlement.registration.file-requested.v1",
                "settlement.diff.results.v1");
    }

    static void scanFiles(Path root, String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                continue; // removed while walking
            }
            found("file " + prefix + root.relativize(f), new String(bytes, StandardCharsets.ISO_8859_1));
        }
        assertThat(files).as("files written under " + root).isNotEmpty();
    }

    /**
     * Anything the services put in the temp directory during the test (their own state dirs are scanned above).
     * Not descended: local-stack-* (the broker's and the database server's own files: the broker's segments hold
     * the topics scanned above; the database server's binlog and data files hold the source rows as the PG wrote
     * them, full numbers included - see SECURITY.md) and directories not modified since the test started.
     */
    static void scanNewTempFiles(Path stateDir) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        FileTime since = FileTime.from(startedAt);
        Files.walkFileTree(tmp, Set.of(), 4, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(tmp)) {
                    return FileVisitResult.CONTINUE;
                }
                boolean skip = dir.startsWith(stateDir) || dir.getFileName().toString().startsWith("local-stack-")
                        || attrs.lastModifiedTime().compareTo(since) < 0 && attrs.creationTime().compareTo(since) < 0
                        && dir.getParent().equals(tmp);
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && attrs.lastModifiedTime().compareTo(since) >= 0 && attrs.size() < 64L << 20) {
                    try {
                        found("file tmp/" + tmp.relativize(f), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                    } catch (IOException | SecurityException e) {
                        // gone, or another user's
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void scanHttp(SystemStack.Options o) throws Exception {
        found("http day report", get(stack.collectorUrl() + "/api/reports/day/" + DAY));
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("collector", stack.collector().port());
        ports.put("gateway", stack.gateway().port());
        ports.put("poller", stack.poller().port());
        ports.put("simulator", stack.simulator().port());
        int answers = 0;
        for (Map.Entry<String, Integer> service : ports.entrySet()) {
            String base = "http://127.0.0.1:" + service.getValue();
            HttpResponse<String> index = send(base + "/actuator");
            if (index.statusCode() != 200) {
                continue;
            }
            found("http actuator " + service.getKey(), index.body());
            Map<String, Map<String, Object>> links = EventJson.mapper().readValue(index.body(),
                    new TypeReference<Map<String, Map<String, Map<String, Object>>>>() { }).get("_links");
            for (Map.Entry<String, Map<String, Object>> link : links.entrySet()) {
                if (Boolean.TRUE.equals(link.getValue().get("templated"))) {
                    continue;
                }
                String href = String.valueOf(link.getValue().get("href"));
                HttpResponse<String> answer = send(href);
                found("http actuator " + service.getKey() + " " + link.getKey(), answer.body());
                answers++;
                if ("metrics".equals(link.getKey()) && answer.statusCode() == 200) {
                    List<String> names = EventJson.mapper().readValue(answer.body(),
                            new TypeReference<Map<String, List<String>>>() { }).get("names");
                    for (String name : names) {
                        found("http actuator " + service.getKey() + " metrics", send(href + "/" + name).body());
                    }
                }
            }
        }
        assertThat(answers).as("actuator endpoints read").isPositive();
        String sim = stack.simulatorUrl();
        for (String path : List.of("/sim/files", "/sim/received/S1/counts", "/sim/received/R1/counts", "/sim/faults",
                "/sim/registry")) {
            found("http simulator admin " + path, send(sim + path).body());
        }
    }

    static void scanOpsCli(SystemStack.Options o) {
        Map<String, String> env = Map.of("SETTLEMENT_DB_PASSWORD", o.dbPassword(), "POLLER_DB_PASSWORD", o.dbPassword(),
                ManagementAccess.USER_VARIABLE, stack.management().user(),
                ManagementAccess.PASSWORD_VARIABLE, stack.management().password());
        String jdbc = "jdbc:mariadb://" + o.dbHost() + ":" + o.dbPort() + "/";
        List<String> ids = new ArrayList<>(List.of("T-MASKED", "T-GENERAL", "T-LOW-RATE", "T-PAIR-A", "T-PAIR-C", "T-NOT-REG"));
        CARD.keySet().forEach(label -> ids.add("T-" + label));
        for (String id : ids) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = SettlementCli.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), "tx", id,
                    "--db-url=" + jdbc + o.settlementDatabase(), "--db-user=" + o.dbUser(),
                    "--poller-db-url=" + jdbc + o.pollerDatabase(), "--poller-db-user=" + o.dbUser());
            assertThat(code).as("ops-cli tx " + id + ": " + err).isZero();
            found("ops-cli tx " + id, out + "\n" + err);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SettlementCli.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), "report", "--date",
                DAY.toString(), "--collector-url=" + stack.collectorUrl());
        found("ops-cli report", out + "\n" + err);
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = send(url);
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    /** With the services' management credential: every actuator endpoint and the day report answer (SECURITY.md). */
    static HttpResponse<String> send(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", stack.management().authorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Keeps a copy of everything written to stdout/stderr while passing it on. */
    static final class TeeStream {

        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        OutputStream tee(OutputStream passOn) {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    synchronized (copy) {
                        copy.write(b);
                    }
                    passOn.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    synchronized (copy) {
                        copy.write(b, off, len);
                    }
                    passOn.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    passOn.flush();
                }
            };
        }

        String text() {
            synchronized (copy) {
                return copy.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
