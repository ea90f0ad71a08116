package kr.co.pg.settlement.opsconsole;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.localstack.MariaDbServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.flywaydb.core.Flyway;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One console for every integration test class (one Spring context, cached): real MariaDB with the collector's schema
 * (its own Flyway migrations, from its jar) and the poller's pending_receipt, real Kafka with the system's topics.
 * Users: viewer "vera" and operator "otto" (bcrypt hashes made here; the passwords exist only in the tests). The
 * collector's day report and the scheduler's schedule come from StubServices.
 */
@SpringBootTest(classes = OpsConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=ops-console", "logging.config=classpath:logback-test.xml"})
public abstract class ConsoleTestSupport {

    public static final String VIEWER = "vera";
    public static final String OPERATOR = "otto";
    public static final String PASSWORD = "correct horse battery staple";

    static final String SETTLEMENT_URL;
    static final String POLLER_URL;
    /** The collector's and the scheduler's read endpoints (StubServices). */
    static final String SERVICES_URL = StubServices.start();

    static {
        MariaDbServer db = LocalStack.mariaDb();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        SETTLEMENT_URL = db.jdbcUrl("ops_console_" + suffix);
        Flyway.configure().dataSource(SETTLEMENT_URL, db.username(), db.password()).locations("classpath:db/migration")
                .load().migrate();
        POLLER_URL = db.jdbcUrl("ops_console_poller_" + suffix);
        Flyway.configure().dataSource(POLLER_URL, db.username(), db.password()).locations("classpath:db/kis-poller")
                .load().migrate();
        createTopics();
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MariaDbServer db = LocalStack.mariaDb();
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        String users = VIEWER + ":viewer:{bcrypt}" + bcrypt.encode(PASSWORD) + "," + OPERATOR + ":operator:{bcrypt}"
                + bcrypt.encode(PASSWORD);
        registry.add("spring.datasource.url", () -> SETTLEMENT_URL);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("ops.poller-db.url", () -> POLLER_URL);
        registry.add("ops.poller-db.username", db::username);
        registry.add("ops.poller-db.password", db::password);
        registry.add("spring.kafka.bootstrap-servers", ConsoleTestSupport::kafka);
        registry.add("ops.users", () -> users);
        registry.add("ops.collector-url", () -> SERVICES_URL);
        registry.add("ops.scheduler-url", () -> SERVICES_URL);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected ConsoleClient login(String user) {
        return ConsoleClient.login(baseUrl(), user, PASSWORD);
    }

    public static String kafka() {
        return LocalStack.kafka().bootstrapServers();
    }

    public static void settlementSql(String... statements) {
        execute(SETTLEMENT_URL, statements);
    }

    public static void pollerSql(String... statements) {
        execute(POLLER_URL, statements);
    }

    private static void execute(String url, String... statements) {
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

    private static void createTopics() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topics.TopicSpec spec : Topics.all()) {
                topics.add(new NewTopic(spec.name(), spec.partitions(), (short) 1));
            }
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
