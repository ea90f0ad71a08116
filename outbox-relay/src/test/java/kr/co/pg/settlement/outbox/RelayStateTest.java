package kr.co.pg.settlement.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay lock and the lock-fenced offset store on a real MariaDB. */
class RelayStateTest {

    private final OutboxFixture fixture = new OutboxFixture();
    private final OutboxRelayConfig config = fixture.config();

    @AfterEach
    void tearDown() {
        fixture.drop();
    }

    @Test
    void oneSessionHoldsTheLockUntilItEndsAndTheOthersSeeWhichOne() throws Exception {
        RelayLock.Attempt first = RelayLock.tryAcquire(config);
        assertThat(first.acquired()).isTrue();
        try (RelayLock held = first.lock()) {
            RelayLock.Attempt second = RelayLock.tryAcquire(config);
            assertThat(second.acquired()).isFalse();
            assertThat(second.holderConnectionId()).isEqualTo(held.connectionId());
            assertThat(held.stillHeld()).isTrue();
        }
        RelayLock.Attempt afterRelease = RelayLock.tryAcquire(config);
        assertThat(afterRelease.acquired()).isTrue();
        afterRelease.lock().close();
    }

    @Test
    void offsetsAreSharedBetweenInstancesAndAnInstanceThatLostTheLockCannotWriteThem() throws Exception {
        RelayDatabase.createTables(config);
        RelayDatabase.createTables(config); // idempotent
        ByteBuffer key = utf8("[\"relay\",{\"server\":\"relay\"}]");

        RelayLock firstLock = RelayLock.tryAcquire(config).lock();
        JdbcOffsetStore first = store(firstLock);
        first.set(Map.of(key, utf8("{\"file\":\"mariadb-bin.000001\",\"pos\":100}")), null).get(10, TimeUnit.SECONDS);
        first.set(Map.of(key, utf8("{\"file\":\"mariadb-bin.000001\",\"pos\":200}")), null).get(10, TimeUnit.SECONDS);

        firstLock.close();                      // the first instance's session ends
        RelayLock secondLock = RelayLock.tryAcquire(config).lock();
        JdbcOffsetStore second = store(secondLock);
        assertThat(text(second.get(List.of(key)).get(10, TimeUnit.SECONDS).get(key))).contains("\"pos\":200");

        // the stale first instance tries to move the shared position: refused, nothing written
        assertThatThrownBy(() -> first.set(Map.of(key, utf8("{\"pos\":150}")), null).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("no longer holds its lock")
                .hasMessageContaining("held by MariaDB connection " + secondLock.connectionId());
        second.set(Map.of(key, utf8("{\"file\":\"mariadb-bin.000001\",\"pos\":300}")), null).get(10, TimeUnit.SECONDS);
        JdbcOffsetStore third = store(secondLock);
        assertThat(text(third.get(List.of(key)).get(10, TimeUnit.SECONDS).get(key))).contains("\"pos\":300");

        first.stop();
        second.stop();
        third.stop();
        secondLock.close();
    }

    private JdbcOffsetStore store(RelayLock lock) {
        JdbcOffsetStore store = new JdbcOffsetStore();
        store.configure(new StateAccess(RelayDatabase.jdbcUrl(config.dbHost(), config.dbPort(), config.database()),
                config.dbUser(), config.dbPassword(), config.name(), lock.name(), lock.connectionId(), "test"));
        store.start();
        return store;
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
