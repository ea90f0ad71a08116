package kr.co.pg.settlement.opsconsole.adapter.out.persistence;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.co.pg.settlement.opsconsole.application.ReceiptQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Repository;

/**
 * The poller's pending_receipt table. Its own connection (not a pooled bean: the console's DataSource is the
 * settlement database); absent when POLLER_DB_URL is not set.
 */
@Repository
class JdbcReceiptQueries implements ReceiptQueries {

    private final JdbcTemplate jdbc;

    JdbcReceiptQueries(@Value("${ops.poller-db.url:}") String url, @Value("${ops.poller-db.username:}") String user,
                       @Value("${ops.poller-db.password:}") String password) {
        this.jdbc = url.isBlank() ? null
                : new JdbcTemplate(new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), url, user, password));
    }

    @Override
    public boolean configured() {
        return jdbc != null;
    }

    @Override
    public List<Receipt> ofDate(java.time.LocalDate businessDate) {
        if (jdbc == null) {
            return List.of();
        }
        return jdbc.query("SELECT receipt_no, file_id, file_type, business_date, status, attempts, submitted_at,"
                        + " completed_at, next_poll_at, last_error FROM pending_receipt WHERE business_date = ?"
                        + " ORDER BY submitted_at, receipt_no",
                (rs, i) -> new Receipt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getString(5), rs.getInt(6), JdbcProgressQueries.time(rs.getTimestamp(7)),
                        JdbcProgressQueries.time(rs.getTimestamp(8)), JdbcProgressQueries.time(rs.getTimestamp(9)),
                        rs.getString(10)), Date.valueOf(businessDate));
    }

    @Override
    public Map<String, Long> byStatus() {
        Map<String, Long> counts = new TreeMap<>();
        if (jdbc != null) {
            jdbc.query("SELECT status, COUNT(*) FROM pending_receipt GROUP BY status",
                    rs -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return counts;
    }
}
