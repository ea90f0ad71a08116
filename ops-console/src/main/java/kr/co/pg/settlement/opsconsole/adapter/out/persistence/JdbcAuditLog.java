package kr.co.pg.settlement.opsconsole.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import kr.co.pg.settlement.opsconsole.application.AuditLog;
import kr.co.pg.settlement.opsconsole.application.OperatorAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** ops_audit (V30__ops_audit.sql, the console's own migration location), in the settlement database. */
@Repository
class JdbcAuditLog implements AuditLog {

    private static final int MAX_RESULT = 8000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(String username, OperatorAction action, String phase, String parameters, String outcome,
                       String result) {
        String text = result == null ? null : result.length() > MAX_RESULT ? result.substring(0, MAX_RESULT) + " ..." : result;
        jdbc.update("INSERT INTO ops_audit (at, username, action, phase, parameters, outcome, result)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamp.valueOf(LocalDateTime.now(clock)), username,
                action.name(), phase, parameters, outcome, text);
    }

    @Override
    public List<Entry> latest(int limit) {
        return jdbc.query("SELECT id, at, username, action, phase, parameters, outcome, result FROM ops_audit"
                        + " ORDER BY id DESC LIMIT ?",
                (rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), limit);
    }
}
