package kr.co.pg.settlement.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MariaDbServerTest {

    private static MariaDbServer db;
    private static String database;

    @BeforeAll
    static void start() {
        long started = System.nanoTime();
        db = LocalStack.mariaDb();
        System.out.printf("LocalStack.mariaDb() started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        database = "localstack_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void isOneServerPerJvm() {
        assertThat(LocalStack.mariaDb()).isSameAs(db);
        assertThat(db.username()).isEqualTo("root");
        assertThat(db.host()).isNotBlank();
        assertThat(db.port()).isPositive();
    }

    @Test
    void binlogIsOnInRowFormatWithFullImages() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(variable(s, "log_bin")).isEqualTo("ON");
            assertThat(variable(s, "binlog_format")).isEqualTo("ROW");
            assertThat(variable(s, "binlog_row_image")).isEqualTo("FULL");
            assertThat(variable(s, "server_id")).isEqualTo("1");
            assertThat(variable(s, "collation_server")).isEqualTo("utf8mb4_bin");
            assertThat(Long.parseLong(variable(s, "max_allowed_packet"))).isEqualTo(256L * 1024 * 1024);
            try (ResultSet rs = s.executeQuery("SHOW MASTER STATUS")) {
                assertThat(rs.next()).as("SHOW MASTER STATUS returns the current binlog file").isTrue();
                assertThat(rs.getString("File")).startsWith("mariadb-bin.");
            }
            try (ResultSet rs = s.executeQuery("SHOW GRANTS")) {
                StringBuilder grants = new StringBuilder();
                while (rs.next()) {
                    grants.append(rs.getString(1)).append('\n');
                }
                // Debezium needs REPLICATION SLAVE/CLIENT: ALL PRIVILEGES ON *.* includes them
                assertThat(grants.toString()).contains("ALL PRIVILEGES ON *.*");
            }
        }
    }

    @Test
    void roundTripsKoreanTextInUtf8mb4() throws SQLException {
        String url = db.jdbcUrl(database);
        assertThat(url).isEqualTo("jdbc:mariadb://" + db.host() + ":" + db.port() + "/" + database);
        String text = "한국정보통신 가맹점 (주)테스트 😀";
        try (Connection c = DriverManager.getConnection(url, db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE merchant (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO merchant VALUES (?, ?)")) {
                insert.setLong(1, 1);
                insert.setString(2, text);
                insert.executeUpdate();
            }
            try (ResultSet rs = s.executeQuery("SELECT name, CHAR_LENGTH(name), LENGTH(name) FROM merchant")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(text);
                assertThat(rs.getInt(2)).isEqualTo(text.codePointCount(0, text.length()));
            }
        }
    }

    @Test
    void createsAndDropsDatabases() throws SQLException {
        String name = database + "_tmp";
        db.createDatabase(name);
        db.createDatabase(name); // idempotent
        assertThat(databaseExists(name)).isTrue();
        db.dropDatabase(name);
        assertThat(databaseExists(name)).isFalse();
    }

    @Test
    void refusesDatabaseNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> db.createDatabase("x`; DROP DATABASE mysql; --"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 1-64 characters");
    }

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + db.host() + ":" + db.port() + "/",
                db.username(), db.password());
    }

    private static String variable(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW VARIABLES LIKE '" + name + "'")) {
            assertThat(rs.next()).as("variable %s exists", name).isTrue();
            return rs.getString(2);
        }
    }
}
