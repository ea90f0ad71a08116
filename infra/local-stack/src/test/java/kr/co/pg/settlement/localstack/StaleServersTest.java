package kr.co.pg.settlement.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StaleServersTest {

    @Test
    void removesDirectoriesOfDeadJvmsAndKeepsLiveOnes() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path stale = Files.createTempDirectory(tmp, StaleServers.KAFKA_PREFIX);
        Files.writeString(stale.resolve("owner.pid"), String.valueOf(finished.pid()));
        Files.createDirectories(stale.resolve("data"));
        Path live = Files.createTempDirectory(tmp, StaleServers.MARIADB_PREFIX);
        StaleServers.markOwner(live);
        try {
            StaleServers.cleanUp();

            assertThat(stale).doesNotExist();
            assertThat(live).isDirectory();
        } finally {
            MariaDbBinaries.deleteRecursively(live);
            MariaDbBinaries.deleteRecursively(stale);
        }
    }
}
