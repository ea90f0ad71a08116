package kr.co.pg.settlement.collector.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import kr.co.pg.settlement.collector.adapter.out.persistence.MigratedDatabase;
import org.junit.jupiter.api.Test;

/**
 * Defect: two writer threads commit outbox ids out of order; the relay sends in commit order and reports only the
 * highest id acknowledged, and the cleaner deleted "id ≤ highest" - including a row committed after that id and
 * not yet relayed. Here a row takes id 1 in a transaction that commits after row 2 was relayed.
 */
class OutboxCleanerTest {

    private final MigratedDatabase db = new MigratedDatabase("outbox_cleaner_it");
    private final AtomicLong lastRelayedId = new AtomicLong();
    private final OutboxCleaner cleaner = new OutboxCleaner(lastRelayedId::get, db.jdbc, 2);

    private long insert(Connection connection, String eventId) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO outbox_event (event_id, event_type, topic,"
                + " event_key, business_date, payload, created_at) VALUES (?, 'T', 't', 'k', '2026-11-24', x'00', NOW(3))",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, eventId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private boolean exists(long id) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE id = ?", Integer.class, id) == 1;
    }

    @Test
    void aRowCommittedAfterAHigherRelayedIdIsKeptUntilItIsRelayed() throws Exception {
        long slow;
        long fast;
        try (Connection writerA = db.dataSource.getConnection(); Connection writerB = db.dataSource.getConnection()) {
            writerA.setAutoCommit(false);
            slow = insert(writerA, "slow");           // id 1, not committed yet
            fast = insert(writerB, "fast");           // id 2, committed (auto-commit)
            assertThat(slow).isLessThan(fast);
            lastRelayedId.set(fast);                   // the relay sent row 2, the only committed one
            cleaner.deleteRelayed();                   // remembers {2}, highest visible id 2
            writerA.commit();                          // row 1 commits: in the binlog after row 2, not relayed yet
        }
        cleaner.deleteRelayed();
        assertThat(exists(fast)).as("no row proven relayed yet: nothing committed after the snapshot was acknowledged")
                .isTrue();

        long later = insert(db.dataSource.getConnection(), "later");
        lastRelayedId.set(later);                      // a row committed after the snapshot was acknowledged
        cleaner.deleteRelayed();                       // deletes the snapshot {2}, then remembers {1, 3}
        assertThat(exists(fast)).isFalse();
        assertThat(exists(slow)).as("row 1 (id below the relayed id 3, committed after the first snapshot) is kept")
                .isTrue();

        cleaner.deleteRelayed();
        assertThat(exists(slow)).as("the relay has not passed 3 yet").isTrue();
        long last = insert(db.dataSource.getConnection(), "last");
        lastRelayedId.set(last);
        cleaner.deleteRelayed();
        assertThat(exists(slow)).isFalse();
        assertThat(exists(later)).isFalse();
        assertThat(exists(last)).isTrue();
    }
}
