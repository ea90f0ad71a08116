package kr.co.pg.settlement.poller.adapter.out.persistence;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import kr.co.pg.settlement.kit.tracing.Traceparents;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.localstack.MariaDbServer;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/** A fresh poller database on the local-stack MariaDB, migrated; the store with Spring Data JDBC, no service. */
final class PollerDatabase {

    final DataSource dataSource;
    final JdbcTemplate jdbc;
    final JdbcPendingReceiptStore store;

    PollerDatabase(String prefix) {
        MariaDbServer server = LocalStack.mariaDb();
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        dataSource = new DriverManagerDataSource(server.jdbcUrl(database), server.username(), server.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/kis-poller").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = repositories(dataSource).getBean(JdbcPendingReceiptStore.class);
    }

    /** Holds no thread or pool: left to the garbage collector with the test. */
    private static AnnotationConfigApplicationContext repositories(DataSource dataSource) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        context.registerBean(JdbcTemplate.class, () -> jdbc);
        context.registerBean("namedParameterJdbcTemplate", NamedParameterJdbcOperations.class,
                () -> new NamedParameterJdbcTemplate(jdbc));
        context.registerBean("transactionManager", PlatformTransactionManager.class,
                () -> new DataSourceTransactionManager(dataSource));
        context.registerBean(Traceparents.class, () -> new Traceparents(Tracer.NOOP, Propagator.NOOP));
        context.register(Store.class);
        context.refresh();
        return context;
    }

    /** Not a @Configuration, so that the service's component scan in other tests never picks it up. */
    @EnableJdbcRepositories(basePackageClasses = JdbcPendingReceiptStore.class)
    @Import(JdbcPendingReceiptStore.class)
    static class Store extends AbstractJdbcConfiguration {
    }

    List<PendingReceipt> addReceipts(int count, FileType type, LocalDateTime submittedAt) {
        List<PendingReceipt> receipts = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 11, 24);
        for (int i = 1; i <= count; i++) {
            receipts.add(new PendingReceipt(String.format("RCPT%016d", i), type + "-20261124-" + String.format("%06d", i),
                    type, day, day, i, 10, 0));
        }
        store.addIfAbsent(receipts, submittedAt);
        return receipts;
    }

    void setCompleted(String receiptNo, String status, LocalDateTime completedAt) {
        jdbc.update("UPDATE pending_receipt SET status = ?, completed_at = ? WHERE receipt_no = ?", status,
                Timestamp.valueOf(completedAt), receiptNo);
    }
}
