package kr.co.pg.settlement.localstack;

import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.utility.DockerImageName;

/** MariaDB 11.4 in Docker with the same server settings as {@link EmbeddedMariaDb}. */
record ContainerMariaDb(MariaDBContainer container) implements MariaDbServer, AutoCloseable {

    @SuppressWarnings("resource") // closed by close()
    static ContainerMariaDb start() {
        MariaDBContainer container = new MariaDBContainer(DockerImageName.parse("mariadb:11.4"))
                .withUsername("root")
                .withPassword("local-stack")
                .withDatabaseName("local_stack");
        container.withCommand(
                "--server-id=1",
                "--log-bin=mariadb-bin",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_bin",
                "--max-allowed-packet=256M",
                "--default-time-zone=+09:00",
                "--innodb-flush-log-at-trx-commit=2",
                "--sync-binlog=0");
        container.start();
        return new ContainerMariaDb(container);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(3306);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public void close() {
        container.stop();
    }
}
