package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.co.pg.settlement.collector.application.CollectionSlices;
import kr.co.pg.settlement.collector.application.JobCounts;
import kr.co.pg.settlement.events.SettlementSliceRequested.Cursor;
import org.springframework.stereotype.Component;

@Component
record JdbcCollectionSlices(ClockedJdbc db) implements CollectionSlices {

    /**
     * One pass over the (diff_status, approved_at) index: every n-th NONE row, numbered in (approved_at,
     * transaction_id) order, is a boundary. Only the boundaries cross the wire.
     */
    @Override
    public Split boundaries(LocalDate before, int slices, int pageSize) {
        Long rows = db.jdbc().queryForObject("SELECT COUNT(*) FROM payment_transaction WHERE diff_status = 'NONE'"
                + " AND approved_at < ?", Long.class, before.atStartOfDay());
        if (rows == null || rows == 0 || slices <= 1) {
            return new Split(rows == null ? 0 : rows, rows == null ? 0 : rows, List.of());
        }
        long perSlice = (rows + slices - 1) / slices;
        long step = Math.max(1, (perSlice + pageSize - 1) / pageSize) * pageSize;
        List<Cursor> cursors = new ArrayList<>(db.jdbc().query("SELECT approved_at, transaction_id FROM ("
                        + " SELECT approved_at, transaction_id,"
                        + " ROW_NUMBER() OVER (ORDER BY approved_at, transaction_id) AS n"
                        + " FROM payment_transaction WHERE diff_status = 'NONE' AND approved_at < ?) numbered"
                        + " WHERE MOD(n, ?) = 0 AND n < ? ORDER BY n",
                (rs, i) -> new Cursor(rs.getObject(1, LocalDateTime.class), rs.getString(2)),
                before.atStartOfDay(), step, rows));
        return new Split(rows, step, cursors);
    }

    @Override
    public int count(String kickoffId) {
        Integer n = db.jdbc().queryForObject("SELECT COUNT(*) FROM job_slice WHERE kickoff_id = ?", Integer.class, kickoffId);
        return n == null ? 0 : n;
    }

    @Override
    public void create(String kickoffId, List<String> bounds) {
        LocalDateTime now = db.now();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= bounds.size(); i++) {
            rows.add(new Object[] {kickoffId, i, bounds.size(), bounds.get(i - 1), now});
        }
        db.jdbc().batchUpdate("INSERT INTO job_slice (kickoff_id, slice_no, slice_count, bounds, status, created_at)"
                + " VALUES (?, ?, ?, ?, 'PENDING', ?)", rows);
    }

    @Override
    public boolean isDone(String kickoffId, int slice) {
        return !db.jdbc().queryForList("SELECT 1 FROM job_slice WHERE kickoff_id = ? AND slice_no = ? AND status = 'DONE'",
                kickoffId, slice).isEmpty();
    }

    @Override
    public void lockRun(String kickoffId) {
        db.jdbc().queryForList("SELECT kickoff_id FROM job_run WHERE kickoff_id = ? FOR UPDATE", kickoffId);
    }

    @Override
    public boolean markDone(String kickoffId, int slice, String bounds, JobCounts c) {
        return db.jdbc().update("UPDATE job_slice SET status = 'DONE', files_created = ?, rows_collected = ?, rows_rejected = ?,"
                        + " rows_not_eligible = ?, finished_at = ? WHERE kickoff_id = ? AND slice_no = ? AND bounds = ?",
                c.filesCreated(), c.rowsCollected(), c.rowsRejected(), c.rowsNotEligible(), db.now(), kickoffId,
                slice, bounds) == 1;
    }

    @Override
    public Optional<JobCounts> totalIfAllDone(String kickoffId) {
        return db.jdbc().queryForObject("SELECT COUNT(*), SUM(status <> 'DONE'), SUM(files_created), SUM(rows_collected),"
                        + " SUM(rows_rejected), SUM(rows_not_eligible) FROM job_slice WHERE kickoff_id = ?",
                (rs, i) -> rs.getInt(1) == 0 || rs.getInt(2) > 0 ? Optional.<JobCounts>empty()
                        : Optional.of(new JobCounts(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6))),
                kickoffId);
    }
}
