package kr.co.pg.settlement.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.localstack.MariaDbServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.flywaydb.core.Flyway;

/** Runs the CLI in-process against the local stack's real MariaDB and Kafka. */
public final class OpsTestSupport {

    public record Run(int code, String out, String err) {
        public List<String> errLines() {
            return err.lines().toList();
        }
    }

    private OpsTestSupport() {
    }

    public static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SettlementCli.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    public static String kafka() {
        return LocalStack.kafka().bootstrapServers();
    }

    /** A fresh settlement database with the collector's real schema (its Flyway migrations, from its jar). */
    public static String settlementDb(String prefix) {
        MariaDbServer db = LocalStack.mariaDb();
        String url = db.jdbcUrl(prefix + "_" + UUID.randomUUID().toString().substring(0, 8));
        Flyway.configure().dataSource(url, db.username(), db.password()).locations("classpath:db/migration")
                .load().migrate();
        return url;
    }

    /** A fresh poller database: the poller's pending_receipt and processed_event tables (its V1 migration's DDL). */
    public static String pollerDb(String prefix) {
        MariaDbServer db = LocalStack.mariaDb();
        String url = db.jdbcUrl(prefix + "_" + UUID.randomUUID().toString().substring(0, 8));
        execute(url, "CREATE TABLE pending_receipt (receipt_no VARCHAR(20) NOT NULL PRIMARY KEY,"
                + " file_id VARCHAR(40) NOT NULL, file_type CHAR(2) NOT NULL, business_date DATE NOT NULL,"
                + " file_date DATE NOT NULL, file_seq INT NOT NULL, record_count INT NOT NULL, status VARCHAR(20) NOT NULL,"
                + " attempts INT NOT NULL DEFAULT 0, next_poll_at DATETIME(3) NOT NULL, last_polled_at DATETIME(3) NULL,"
                + " last_error VARCHAR(1000) NULL, submitted_at DATETIME(3) NOT NULL, completed_at DATETIME(3) NULL)",
                "CREATE TABLE processed_event (consumer VARCHAR(40) NOT NULL, event_id VARCHAR(200) NOT NULL,"
                        + " processed_at DATETIME(3) NOT NULL, PRIMARY KEY (consumer, event_id))");
        return url;
    }

    public static void execute(String url, String... statements) {
        MariaDbServer db = LocalStack.mariaDb();
        try (Connection c = DriverManager.getConnection(url, db.username(), db.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void createTopics(NewTopic... topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka()))) {
            List<NewTopic> missing = new ArrayList<>(List.of(topics));
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The environment of a test: Kafka and the given databases; user root, empty password (the embedded server). */
    public static Map<String, String> env(String settlementUrl, String pollerUrl) {
        MariaDbServer db = LocalStack.mariaDb();
        java.util.HashMap<String, String> env = new java.util.HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka());
        if (settlementUrl != null) {
            env.put("SETTLEMENT_DB_URL", settlementUrl);
            env.put("SETTLEMENT_DB_USER", db.username());
            env.put("SETTLEMENT_DB_PASSWORD", db.password());
        }
        if (pollerUrl != null) {
            env.put("POLLER_DB_URL", pollerUrl);
            env.put("POLLER_DB_USER", db.username());
            env.put("POLLER_DB_PASSWORD", db.password());
        }
        return env;
    }
}
