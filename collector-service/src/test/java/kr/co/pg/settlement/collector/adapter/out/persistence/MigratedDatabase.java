package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.util.UUID;
import javax.sql.DataSource;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.localstack.MariaDbServer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh database on the local-stack MariaDB with the collector's migrations applied (no Spring context). */
public final class MigratedDatabase {

    public final DataSource dataSource;
    public final JdbcTemplate jdbc;

    public MigratedDatabase(String prefix) {
        MariaDbServer server = LocalStack.mariaDb();
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        dataSource = new DriverManagerDataSource(server.jdbcUrl(database), server.username(), server.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }
}
