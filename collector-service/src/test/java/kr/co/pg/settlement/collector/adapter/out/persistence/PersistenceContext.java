package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.Clock;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The persistence adapters on a fresh migrated database with Spring Data JDBC, without the service (no Kafka, no
 * relay), for one test class: {@code @RegisterExtension static final PersistenceContext adapters = ...}.
 */
final class PersistenceContext implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private MigratedDatabase db;
    private AnnotationConfigApplicationContext context;

    PersistenceContext(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        db = new MigratedDatabase(prefix);
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> db.dataSource);
        context.registerBean(Clock.class, () -> Clock.system(ZoneId.of("Asia/Seoul")));
        context.register(Adapters.class);
        context.refresh();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        context.close();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcTemplate jdbc() {
        return db.jdbc;
    }

    /** Not a @Configuration, so that the services' component scan in other tests never picks it up. */
    @EnableJdbcRepositories(basePackageClasses = JdbcKisFiles.class)
    @Import({ClockedJdbc.class, JdbcKisFiles.class, JdbcJobRuns.class})
    static class Adapters extends AbstractJdbcConfiguration {

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        NamedParameterJdbcOperations namedParameterJdbcTemplate(JdbcTemplate jdbc) {
            return new NamedParameterJdbcTemplate(jdbc);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }
}
