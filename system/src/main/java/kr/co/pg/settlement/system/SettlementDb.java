package kr.co.pg.settlement.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/** Read-only looks at the settlement database, for the runner's progress and the end-to-end tests. */
public final class SettlementDb {

    private final DataSource dataSource;

    public SettlementDb(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static DataSource dataSource(String host, int port, String database, String user, String password) {
        try {
            MariaDbDataSource ds = new MariaDbDataSource(
                    "jdbc:mariadb://" + host + ":" + port + "/" + database + "?useBulkStmts=true&rewriteBatchedStatements=true");
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException("bad database address " + host + ":" + port + "/" + database, e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Map<String, Long> subMerchantsByStatus() {
        return countBy("SELECT kis_reg_status, COUNT(*) FROM sub_merchant GROUP BY kis_reg_status ORDER BY 1");
    }

    public Map<String, Long> transactionsByStatus() {
        return countBy("SELECT diff_status, COUNT(*) FROM payment_transaction GROUP BY diff_status ORDER BY 1");
    }

    public long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a row of the day still waits to be sent: COLLECTED, or NONE (approved before the business date)
     * while its sub-merchant is REGISTERED with a preferential tier valid on the row's date. EXISTS probes on
     * the status index: cheap enough to poll every 200 ms during a benchmark.
     */
    public boolean anyRequestRowUnsent(LocalDate businessDate) {
        return count("SELECT EXISTS (SELECT 1 FROM payment_transaction WHERE diff_status = 'COLLECTED')"
                + " OR EXISTS (SELECT 1 FROM payment_transaction t JOIN sub_merchant s ON s.sub_merchant_id = t.sub_merchant_id"
                + " WHERE t.diff_status = 'NONE' AND t.approved_at < ? AND s.kis_reg_status = 'REGISTERED'"
                + " AND s.fee_tier IN ('SMALL','MEDIUM_1','MEDIUM_2','MEDIUM_3')"
                + " AND DATE(t.approved_at) BETWEEN s.tier_valid_from AND s.tier_valid_to)", businessDate) > 0;
    }

    /** Whether a row is COLLECTED or SENT (an EXISTS probe on the status index). */
    public boolean anyRowInFlight() {
        return count("SELECT EXISTS (SELECT 1 FROM payment_transaction WHERE diff_status IN ('COLLECTED','SENT'))") > 0;
    }

    public Optional<String> jobRunStatus(String kickoffId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM job_run WHERE kickoff_id = ?")) {
            ps.setString(1, kickoffId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty(); // tables not migrated yet
        }
    }

    public Optional<LocalDate> lastBusinessDate() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MAX(business_date) FROM job_run");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Optional.ofNullable(rs.getObject(1, LocalDate.class));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** One string per row, columns joined by '|': a fingerprint of table contents for replay checks. */
    public java.util.List<String> dump(String sql) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(sb.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private Map<String, Long> countBy(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return counts;
    }
}
