package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.LocalDate;
import kr.co.pg.settlement.collector.application.FileSequences;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class JdbcFileSequences implements FileSequences {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;

    JdbcFileSequences(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        // never inside a page's transaction: the counter row would stay locked until the page commits
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public int reserve(FileType fileType, LocalDate fileDate) {
        Integer seq = own.execute(status -> reserveBlock(fileType, fileDate, 1));
        if (seq == null) {
            throw new IllegalStateException("no file sequence for " + fileType + " " + fileDate);
        }
        return seq;
    }

    @Override
    public int reserveBlock(FileType fileType, LocalDate fileDate, int count) {
        String type = fileType.name();
        // above both the counter and any file created without it (registration, resends take MAX + 1)
        jdbc.update("INSERT INTO kis_file_sequence (file_type, file_date, last_seq)"
                        + " SELECT ?, ?, COALESCE(MAX(file_seq), 0) + ? FROM kis_file WHERE file_type = ? AND file_date = ?"
                        + " ON DUPLICATE KEY UPDATE last_seq = GREATEST(last_seq + ?, VALUES(last_seq))",
                type, fileDate, count, type, fileDate, count);
        Integer last = jdbc.queryForObject("SELECT last_seq FROM kis_file_sequence WHERE file_type = ? AND file_date = ?",
                Integer.class, type, fileDate);
        if (last == null) {
            throw new IllegalStateException("no file sequence for " + fileType + " " + fileDate);
        }
        return last - count + 1;
    }
}
