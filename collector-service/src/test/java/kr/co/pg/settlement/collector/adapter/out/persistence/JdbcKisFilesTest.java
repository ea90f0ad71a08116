package kr.co.pg.settlement.collector.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import kr.co.pg.settlement.collector.application.FileSeqTakenException;
import kr.co.pg.settlement.collector.application.KisFiles.KisFile;
import kr.co.pg.settlement.events.status.KisFileStatus;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Defect: a 409 FileFailed arriving after KIS accepted the file turned it REFUSED (and advised re-collecting its rows). */
class JdbcKisFilesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    @RegisterExtension
    static final PersistenceContext adapters = new PersistenceContext("kis_files_it");
    private static JdbcKisFiles files;

    @BeforeAll
    static void adapter() {
        files = adapters.bean(JdbcKisFiles.class);
    }

    private KisFileStatus status(String fileId) {
        return files.find(fileId).orElseThrow().status();
    }

    @Test
    void aFileKisAcceptedIsNeverRefusedLater() {
        KisFile submitted = files.create(FileType.S1, DAY, "k-refuse-1", 3);
        assertThat(files.markSubmitted(submitted.fileId(), "R0000000000000000001")).isTrue();
        assertThat(files.markRefused(submitted.fileId(), "E409", "duplicate file", null)).isFalse();
        assertThat(status(submitted.fileId())).isEqualTo(KisFileStatus.SUBMITTED);

        KisFile answered = files.create(FileType.S1, DAY, "k-refuse-1", 3);
        files.markSubmitted(answered.fileId(), "R0000000000000000002");
        files.markResultReceived(answered.fileId(), "R0000000000000000002");
        assertThat(files.markRefused(answered.fileId(), "E409", "duplicate file", null)).isFalse();
        assertThat(status(answered.fileId())).isEqualTo(KisFileStatus.RESULT_RECEIVED);
        assertThat(adapters.jdbc().queryForObject("SELECT COUNT(*) FROM kis_file WHERE failure_code IS NOT NULL AND file_id IN (?, ?)",
                Integer.class, submitted.fileId(), answered.fileId())).isZero();
    }

    @Test
    void resultsBeforeTheirFileSubmittedFinishTheFileWithTheirReceipt() {
        // a replay can bring a file's results before its FileSubmitted: the file must not stay behind
        KisFile created = files.create(FileType.S1, DAY, "k-replay-1", 2);
        files.markResultReceived(created.fileId(), "R0000000000000000009");
        assertThat(files.find(created.fileId()).orElseThrow()).satisfies(f -> {
            assertThat(f.status()).isEqualTo(KisFileStatus.RESULT_RECEIVED);
            assertThat(f.receiptNo()).isEqualTo("R0000000000000000009");
        });
        assertThat(files.markSubmitted(created.fileId(), "R0000000000000000009")).isFalse();
        assertThat(status(created.fileId())).isEqualTo(KisFileStatus.RESULT_RECEIVED);

        KisFile refused = files.create(FileType.S1, DAY, "k-replay-1", 1);
        files.markRefused(refused.fileId(), "E422", "bad header", 1);
        files.markResultReceived(refused.fileId(), "R0000000000000000010");
        assertThat(status(refused.fileId())).as("only CREATED/SUBMITTED files take results").isEqualTo(KisFileStatus.REFUSED);
    }

    @Test
    void aFileKisRefusedAtUploadIsRefusedOnce() {
        KisFile created = files.create(FileType.R1, DAY, "k-refuse-2", 1);
        assertThat(files.markRefused(created.fileId(), "E422", "bad header", 1)).isTrue();
        assertThat(status(created.fileId())).isEqualTo(KisFileStatus.REFUSED);
        assertThat(files.markRefused(created.fileId(), "E422", "bad header", 1)).isFalse();
    }

    @Test
    void anAcceptedFileKisCouldNotProcessStillFails() {
        KisFile submitted = files.create(FileType.S1, DAY, "k-refuse-3", 2);
        files.markSubmitted(submitted.fileId(), "R0000000000000000003");
        assertThat(files.markFailed(submitted.fileId(), null, "KIS FAILED", null, null)).isTrue();
        assertThat(status(submitted.fileId())).isEqualTo(KisFileStatus.FAILED);
    }

    @Test
    void aReservedSequenceAnotherFileTookIsReportedAsTaken() {
        KisFile first = files.createWithSeq(FileType.S1, DAY, "k-seq-1", 4, 900, DAY.atTime(9, 0, 0, 123_000_000));
        assertThat(first.fileId()).isEqualTo("S1-20261124-000900");
        assertThat(files.find(first.fileId()).orElseThrow()).isEqualTo(first)
                .satisfies(f -> assertThat(f.createdAt()).isEqualTo(DAY.atTime(9, 0)));
        assertThatThrownBy(() -> files.createWithSeq(FileType.S1, DAY, "k-seq-2", 1, 900, DAY.atTime(9, 0)))
                .isInstanceOf(FileSeqTakenException.class);
        assertThat(files.find(first.fileId()).orElseThrow().kickoffId()).isEqualTo("k-seq-1");
    }
}
