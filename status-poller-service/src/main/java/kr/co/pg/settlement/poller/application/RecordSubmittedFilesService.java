package kr.co.pg.settlement.poller.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.InvalidFieldException;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import org.springframework.stereotype.Service;

/** FileSubmitted -> a pending receipt (idempotent: a receipt already known is left as it is). */
@Service
public class RecordSubmittedFilesService {

    private static final Pattern RECEIPT_NO = Pattern.compile("[A-Z0-9]{20}");
    /** The collector's file ids: {R1|S1}-yyyyMMdd-nnnnnn (pending_receipt.file_id is VARCHAR(40)). */
    private static final Pattern FILE_ID = Pattern.compile("(R1|S1)-\\d{8}-\\d{6}");

    private final PendingReceiptStore store;
    private final Clock clock;

    public RecordSubmittedFilesService(PendingReceiptStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @throws InvalidEventException for an event that can never be polled (names the field at fault) */
    public static PendingReceipt toPendingReceipt(FileSubmitted event) {
        String id = event.eventId();
        if (event.receiptNo() == null || !RECEIPT_NO.matcher(event.receiptNo()).matches()) {
            throw new InvalidEventException("FileSubmitted " + id + ": field receiptNo: '" + event.receiptNo()
                    + "' is not 20 of A-Z 0-9");
        }
        FileType type;
        if ("R1".equals(event.fileType())) {
            type = FileType.R1;
        } else if ("S1".equals(event.fileType())) {
            type = FileType.S1;
        } else {
            throw new InvalidEventException("FileSubmitted " + id + ": field fileType: '" + event.fileType()
                    + "' is not R1 or S1");
        }
        if (event.fileId() != null && (!FILE_ID.matcher(event.fileId()).matches()
                || !event.fileId().startsWith(event.fileType() + "-"))) {
            throw new InvalidFieldException("FileSubmitted " + id, "fileId", event.fileId(),
                    "not a " + event.fileType() + " file id " + event.fileType() + "-yyyyMMdd-nnnnnn");
        }
        if (event.fileId() == null || event.businessDate() == null || event.fileDate() == null
                || event.recordCount() < 0) {
            throw new InvalidEventException("FileSubmitted " + id + ": fileId, businessDate, fileDate and a"
                    + " non-negative recordCount are required");
        }
        return new PendingReceipt(event.receiptNo(), event.fileId(), type, event.businessDate(), event.fileDate(),
                event.fileSeq(), event.recordCount(), 0);
    }

    public void record(List<PendingReceipt> receipts) {
        if (!receipts.isEmpty()) {
            store.addIfAbsent(receipts, LocalDateTime.now(clock));
        }
    }
}
