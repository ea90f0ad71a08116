package kr.co.pg.settlement.collector.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import kr.co.pg.settlement.collector.application.KisFiles.KisFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Defect: a 409 FileFailed arriving after KIS accepted the file turned it REFUSED (and advised re-collecting its rows). */
class JdbcKisFilesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static JdbcKisFiles files;
    private static MigratedDatabase db;

    @BeforeAll
    static void database() {
        db = new MigratedDatabase("kis_files_it");
        files = new JdbcKisFiles(db.jdbc, Clock.system(ZoneId.of("Asia/Seoul")));
    }

    private String status(String fileId) {
        return files.find(fileId).orElseThrow().status();
    }

    @Test
    void aFileKisAcceptedIsNeverRefusedLater() {
        KisFile submitted = files.create("S1", DAY, "k-refuse-1", 3);
        assertThat(files.markSubmitted(submitted.fileId(), "R0000000000000000001")).isTrue();
        assertThat(files.markFailed(submitted.fileId(), "REFUSED", "E409", "duplicate file", null, null)).isFalse();
        assertThat(status(submitted.fileId())).isEqualTo("SUBMITTED");

        KisFile answered = files.create("S1", DAY, "k-refuse-1", 3);
        files.markSubmitted(answered.fileId(), "R0000000000000000002");
        files.markResultReceived(answered.fileId(), "R0000000000000000002");
        assertThat(files.markFailed(answered.fileId(), "REFUSED", "E409", "duplicate file", null, null)).isFalse();
        assertThat(status(answered.fileId())).isEqualTo("RESULT_RECEIVED");
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM kis_file WHERE failure_code IS NOT NULL AND file_id IN (?, ?)",
                Integer.class, submitted.fileId(), answered.fileId())).isZero();
    }

    @Test
    void resultsBeforeTheirFileSubmittedFinishTheFileWithTheirReceipt() {
        // a replay can bring a file's results before its FileSubmitted: the file must not stay behind
        KisFile created = files.create("S1", DAY, "k-replay-1", 2);
        files.markResultReceived(created.fileId(), "R0000000000000000009");
        assertThat(files.find(created.fileId()).orElseThrow()).satisfies(f -> {
            assertThat(f.status()).isEqualTo("RESULT_RECEIVED");
            assertThat(f.receiptNo()).isEqualTo("R0000000000000000009");
        });
        assertThat(files.markSubmitted(created.fileId(), "R0000000000000000009")).isFalse();
        assertThat(status(created.fileId())).isEqualTo("RESULT_RECEIVED");

        KisFile refused = files.create("S1", DAY, "k-replay-1", 1);
        files.markFailed(refused.fileId(), "REFUSED", "E422", "bad header", 1, null);
        files.markResultReceived(refused.fileId(), "R0000000000000000010");
        assertThat(status(refused.fileId())).as("only CREATED/SUBMITTED files take results").isEqualTo("REFUSED");
    }

    @Test
    void aFileKisRefusedAtUploadIsRefusedOnce() {
        KisFile created = files.create("R1", DAY, "k-refuse-2", 1);
        assertThat(files.markFailed(created.fileId(), "REFUSED", "E422", "bad header", 1, null)).isTrue();
        assertThat(status(created.fileId())).isEqualTo("REFUSED");
        assertThat(files.markFailed(created.fileId(), "REFUSED", "E422", "bad header", 1, null)).isFalse();
    }

    @Test
    void anAcceptedFileKisCouldNotProcessStillFails() {
        KisFile submitted = files.create("S1", DAY, "k-refuse-3", 2);
        files.markSubmitted(submitted.fileId(), "R0000000000000000003");
        assertThat(files.markFailed(submitted.fileId(), "FAILED", null, "KIS FAILED", null, null)).isTrue();
        assertThat(status(submitted.fileId())).isEqualTo("FAILED");
    }
}
