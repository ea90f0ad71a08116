package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import kr.co.pg.settlement.collector.application.FileSeqTakenException;
import kr.co.pg.settlement.collector.application.KisFiles;
import kr.co.pg.settlement.events.status.KisFileStatus;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.stereotype.Component;

/** The kis_file aggregate through Spring Data JDBC: inserted whole, read by id, changed by guarded updates. */
@Component
record JdbcKisFiles(KisFileRepository files, JdbcAggregateOperations aggregates, ClockedJdbc db) implements KisFiles {

    private static final Logger log = LoggerFactory.getLogger(JdbcKisFiles.class);

    @Override
    public KisFile create(FileType fileType, LocalDate businessDate, String kickoffId, int recordCount) {
        return create(fileType, businessDate, kickoffId, recordCount, LocalDateTime.now(db.clock()));
    }

    @Override
    public KisFile create(FileType fileType, LocalDate businessDate, String kickoffId, int recordCount,
                          LocalDateTime createdAt) {
        // concurrent runs take sequences one after the other (or deadlock and redo the chunk)
        int seq = files.nextSeqLocked(fileType.name(), businessDate);
        return insert(KisFileRow.created(fileType, businessDate, seq, kickoffId, recordCount, seconds(createdAt)));
    }

    @Override
    public KisFile createWithSeq(FileType fileType, LocalDate businessDate, String kickoffId, int recordCount, int seq,
                                 LocalDateTime createdAt) {
        try {
            return insert(KisFileRow.created(fileType, businessDate, seq, kickoffId, recordCount, seconds(createdAt)));
        } catch (DuplicateKeyException e) {
            throw new FileSeqTakenException(fileType + " file sequence " + seq + " of " + businessDate + " is taken", e);
        }
    }

    /** The file header carries seconds; the event and the row keep the same value. */
    private static LocalDateTime seconds(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    private KisFile insert(KisFileRow row) {
        try {
            return aggregates.insert(row).toFile();
        } catch (RuntimeException e) {
            // Spring Data JDBC may wrap the statement's exception: callers retry on DuplicateKeyException
            if (e.getCause() instanceof DuplicateKeyException duplicate) {
                throw duplicate;
            }
            throw e;
        }
    }

    @Override
    public Optional<KisFile> find(String fileId) {
        return files.findById(fileId).map(KisFileRow::toFile);
    }

    @Override
    public boolean markSubmitted(String fileId, String receiptNo) {
        return files.markSubmitted(fileId, receiptNo, db.now());
    }

    @Override
    public void markResultReceived(String fileId, String receiptNo) {
        files.markResultReceived(fileId, receiptNo, db.now());
    }

    @Override
    public boolean markRefused(String fileId, String code, String message, Integer line) {
        return logUnchanged(fileId, KisFileStatus.REFUSED, code, message,
                files.markRefused(fileId, Times.cut(code, 10), Times.cut(message, 1000), line, db.now()));
    }

    @Override
    public boolean markFailed(String fileId, String code, String message, Integer line, String replacedBy) {
        return logUnchanged(fileId, KisFileStatus.FAILED, code, message, files.markFailed(fileId, Times.cut(code, 10),
                Times.cut(message, 1000), line, replacedBy, db.now()));
    }

    /** A change not made is logged with the file's real status. */
    private boolean logUnchanged(String fileId, KisFileStatus outcome, String code, String message, boolean changed) {
        if (!changed) {
            find(fileId).filter(file -> file.status() != outcome).ifPresent(file ->
                    log.warn("file {} is {} (receipt {}): a late {} ({} {}) is ignored; {}", fileId, file.status(),
                            file.receiptNo(), outcome, code, message, file.status().acceptedByKis()
                                    ? "KIS accepted this file, its rows stay as they are (nothing to re-collect)"
                                    : "the file already ended " + file.status()));
        }
        return changed;
    }
}
