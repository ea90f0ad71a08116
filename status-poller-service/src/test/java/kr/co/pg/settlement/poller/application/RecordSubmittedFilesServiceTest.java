package kr.co.pg.settlement.poller.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.InvalidFieldException;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import org.junit.jupiter.api.Test;

/** FileSubmitted -> pending receipts, against a plain fake of the receipts port. */
class RecordSubmittedFilesServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T01:00:00Z"), ZoneId.of("Asia/Seoul"));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private final FakeReceiptStore store = new FakeReceiptStore();
    private final RecordSubmittedFilesService service = new RecordSubmittedFilesService(store, CLOCK);

    @Test
    void aSubmittedFileBecomesAPendingReceiptOnceAtTheClocksTime() {
        PendingReceipt receipt = RecordSubmittedFilesService.toPendingReceipt(submitted("S1", "S1-20261124-000003",
                "RCP20261124000000003"));

        service.record(List.of(receipt));
        service.record(List.of(receipt));

        assertThat(receipt.fileType()).isEqualTo(FileType.S1);
        assertThat(receipt.recordCount()).isEqualTo(5);
        assertThat(store.pending).containsOnlyKeys("RCP20261124000000003");
        assertThat(store.writes).containsExactly("added 1 at 2026-11-24T10:00", "added 1 at 2026-11-24T10:00");
    }

    @Test
    void nothingIsWrittenForAnEmptyBatch() {
        service.record(List.of());

        assertThat(store.writes).isEmpty();
    }

    @Test
    void anEventThatCanNeverBePolledIsInvalidAndNamesItsField() {
        assertThatThrownBy(() -> RecordSubmittedFilesService.toPendingReceipt(submitted("S1", "S1-20261124-000003",
                "short"))).isInstanceOf(InvalidEventException.class).hasMessageContaining("receiptNo");
        assertThatThrownBy(() -> RecordSubmittedFilesService.toPendingReceipt(submitted("S2", "S1-20261124-000003",
                "RCP20261124000000003"))).isInstanceOf(InvalidEventException.class).hasMessageContaining("fileType");
        assertThatThrownBy(() -> RecordSubmittedFilesService.toPendingReceipt(submitted("S1", "R1-20261124-000003",
                "RCP20261124000000003"))).isInstanceOf(InvalidFieldException.class).hasMessageContaining("fileId");
    }

    private static FileSubmitted submitted(String type, String fileId, String receiptNo) {
        return new FileSubmitted(FileSubmitted.eventIdFor(fileId), DAY, fileId, type, DAY, 3, receiptNo, 5,
                CLOCK.instant());
    }
}
