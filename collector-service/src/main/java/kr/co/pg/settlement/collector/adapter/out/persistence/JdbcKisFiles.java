package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import kr.co.pg.settlement.collector.application.FileSeqTakenException;
import kr.co.pg.settlement.collector.application.KisFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
class JdbcKisFiles implements KisFiles {

    private static final Logger log = LoggerFactory.getLogger(JdbcKisFiles.class);

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final RowMapper<KisFile> MAPPER = (rs, i) -> new KisFile(rs.getString("file_id"),
            rs.getString("file_type"), rs.getObject("file_date", LocalDate.class), rs.getInt("file_seq"),
            rs.getObject("business_date", LocalDate.class), rs.getString("kickoff_id"), rs.getInt("record_count"),
            rs.getObject("created_at", LocalDateTime.class), rs.getString("status"), rs.getString("receipt_no"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcKisFiles(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public KisFile create(String fileType, LocalDate businessDate, String kickoffId, int recordCount) {
        return create(fileType, businessDate, kickoffId, recordCount, LocalDateTime.now(clock));
    }

    @Override
    public KisFile create(String fileType, LocalDate businessDate, String kickoffId, int recordCount,
                          LocalDateTime createdAt) {
        // Locks the (type, date) range: concurrent runs take sequences one after the other (or deadlock and redo the chunk).
        Integer seq = jdbc.queryForObject("SELECT COALESCE(MAX(file_seq), 0) + 1 FROM kis_file"
                + " WHERE file_type = ? AND file_date = ? FOR UPDATE", Integer.class, fileType, businessDate);
        return insert(fileType, businessDate, kickoffId, recordCount, seq, createdAt.truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public int lastSeq(String fileType, LocalDate fileDate) {
        Integer seq = jdbc.queryForObject("SELECT COALESCE(MAX(file_seq), 0) FROM kis_file WHERE file_type = ? AND file_date = ?",
                Integer.class, fileType, fileDate);
        return seq == null ? 0 : seq;
    }

    @Override
    public KisFile createWithSeq(String fileType, LocalDate businessDate, String kickoffId, int recordCount, int seq) {
        return createWithSeq(fileType, businessDate, kickoffId, recordCount, seq,
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public KisFile createWithSeq(String fileType, LocalDate businessDate, String kickoffId, int recordCount, int seq,
                                 LocalDateTime createdAt) {
        try {
            return insert(fileType, businessDate, kickoffId, recordCount, seq, createdAt.truncatedTo(ChronoUnit.SECONDS));
        } catch (DuplicateKeyException e) {
            throw new FileSeqTakenException(fileType + " file sequence " + seq + " of " + businessDate + " is taken", e);
        }
    }

    private KisFile insert(String fileType, LocalDate businessDate, String kickoffId, int recordCount, int seq,
                           LocalDateTime createdAt) {
        String fileId = fileType + "-" + BASIC.format(businessDate) + "-" + String.format("%06d", seq);
        // the file header carries seconds; the event and the row keep the same value
        jdbc.update("INSERT INTO kis_file (file_id, file_type, file_date, file_seq, business_date, kickoff_id,"
                        + " record_count, created_at, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?)",
                fileId, fileType, businessDate, seq, businessDate, kickoffId, recordCount, createdAt, createdAt);
        return new KisFile(fileId, fileType, businessDate, seq, businessDate, kickoffId, recordCount, createdAt,
                "CREATED", null);
    }

    @Override
    public Optional<KisFile> find(String fileId) {
        return jdbc.query("SELECT * FROM kis_file WHERE file_id = ?", MAPPER, fileId).stream().findFirst();
    }

    @Override
    public boolean markSubmitted(String fileId, String receiptNo) {
        return jdbc.update("UPDATE kis_file SET status = 'SUBMITTED', receipt_no = ?, updated_at = ?"
                + " WHERE file_id = ? AND status = 'CREATED'", receiptNo, Times.now(clock), fileId) == 1;
    }

    @Override
    public void markResultReceived(String fileId, String receiptNo) {
        jdbc.update("UPDATE kis_file SET status = 'RESULT_RECEIVED', receipt_no = COALESCE(receipt_no, ?), updated_at = ?"
                + " WHERE file_id = ? AND status IN ('CREATED', 'SUBMITTED')", receiptNo, Times.now(clock), fileId);
    }

    /**
     * REFUSED (KIS answered 409/422/413 to the upload) only from CREATED: a file KIS accepted (SUBMITTED,
     * RESULT_RECEIVED) was not refused, whatever a late or replayed FileFailed says. FAILED (KIS could not process
     * an accepted file) from any status but FAILED/REFUSED. A change not made is logged with the file's real status.
     */
    @Override
    public boolean markFailed(String fileId, String status, String code, String message, Integer line, String replacedBy) {
        String guard = "REFUSED".equals(status) ? "status = 'CREATED'" : "status NOT IN ('FAILED', 'REFUSED')";
        boolean changed = jdbc.update("UPDATE kis_file SET status = ?, failure_code = ?, failure_message = ?, failure_line = ?,"
                        + " replaced_by_file_id = ?, updated_at = ? WHERE file_id = ? AND " + guard,
                status, Times.cut(code, 10), Times.cut(message, 1000), line, replacedBy, Times.now(clock), fileId) == 1;
        if (!changed) {
            find(fileId).ifPresent(file -> {
                if (!file.status().equals(status)) {
                    log.warn("file {} is {} (receipt {}): a late {} ({} {}) is ignored; {}", fileId, file.status(),
                            file.receiptNo(), status, code, message, "SUBMITTED".equals(file.status())
                                    || "RESULT_RECEIVED".equals(file.status())
                                    ? "KIS accepted this file, its rows stay as they are (nothing to re-collect)"
                                    : "the file already ended " + file.status());
                }
            });
        }
        return changed;
    }
}
