package kr.co.pg.settlement.gateway.application;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.kis.protocol.FileHeader;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileWriter;
import kr.co.pg.settlement.kis.protocol.R1Record;
import kr.co.pg.settlement.kis.protocol.RecordFormatException;
import kr.co.pg.settlement.kis.protocol.S1Record;

/**
 * Renders the R1/S1 bytes of a file-requested event. Everything comes from the event (file date, sequence,
 * created-at, records), so every delivery of the event renders the same bytes.
 */
final class RequestFileRenderer {

    private final String pgCompanyCode;

    RequestFileRenderer(String pgCompanyCode) {
        this.pgCompanyCode = pgCompanyCode;
    }

    byte[] renderS1(SettlementFileRequested event) {
        requireFileFields(event.fileId(), event.fileDate(), event.createdAt(), event.records());
        FileHeader header = new FileHeader(FileType.S1, pgCompanyCode, event.fileDate(), event.fileSeq(),
                event.createdAt(), null);
        return render(FileType.S1, event.fileId(), event.records(), out -> KisFileWriter.s1(out, header),
                transaction -> toS1(event.fileId(), transaction));
    }

    byte[] renderR1(RegistrationFileRequested event) {
        requireFileFields(event.fileId(), event.fileDate(), event.createdAt(), event.records());
        FileHeader header = new FileHeader(FileType.R1, pgCompanyCode, event.fileDate(), event.fileSeq(),
                event.createdAt(), null);
        return render(FileType.R1, event.fileId(), event.records(), out -> KisFileWriter.r1(out, header),
                registration -> toR1(event.fileId(), registration));
    }

    private static <E, R> byte[] render(FileType type, String fileId, List<E> records,
                                        Function<ByteArrayOutputStream, KisFileWriter<R>> writerFactory,
                                        Function<E, R> mapping) {
        // header + records + trailer, each recordLength + CR LF
        long expectedSize = (long) (type.recordLength() + 2) * (records.size() + 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(expectedSize, Integer.MAX_VALUE - 16));
        int line = 1;
        try (KisFileWriter<R> writer = writerFactory.apply(out)) {
            for (E record : records) {
                line++;
                writer.write(mapping.apply(record));
            }
            line++;
            writer.finish();
        } catch (RecordFormatException e) {
            throw new UnrenderableFileException(line, "file " + fileId + " line " + line + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static S1Record toS1(String fileId, SettlementFileRequested.Transaction t) {
        if (t == null || t.approvedAt() == null) {
            throw new InvalidEventException("file " + fileId + ": transaction record without approvedAt: " + t);
        }
        return new S1Record(t.seq(), t.transactionId(), t.subMerchantId(), t.kisSubMerchantNo(), t.businessNo(),
                t.cardCompany(), cardTypeCode(fileId, t), transactionTypeCode(fileId, t),
                t.approvedAt().toLocalDate(), t.approvedAt().toLocalTime().withNano(0), t.approvalNo(),
                t.originalApprovedOn(), t.originalApprovalNo(), t.maskedCardNo(), t.amount(), t.appliedFeeRate(),
                t.feeAmount(), t.expectedDifference());
    }

    private static R1Record toR1(String fileId, RegistrationFileRequested.Registration r) {
        if (r == null) {
            throw new InvalidEventException("file " + fileId + ": null registration record");
        }
        char requestType = switch (r.requestType() == null ? "" : r.requestType()) {
            case "N" -> 'N';
            case "U" -> 'U';
            case "C" -> 'C';
            default -> throw new InvalidEventException("file " + fileId + " record " + r.seq()
                    + ": field requestType: '" + r.requestType() + "' is not N, U or C");
        };
        return new R1Record(r.seq(), requestType, r.subMerchantId(), r.businessNo(), r.businessName(),
                r.representativeName(), r.openedOn(), r.closedOn(), r.industryCode(), r.phone(), r.postalCode(),
                r.address());
    }

    static char cardTypeCode(String fileId, SettlementFileRequested.Transaction t) {
        return switch (t.cardType() == null ? "" : t.cardType()) {
            case "CREDIT" -> 'C';
            case "CHECK" -> 'K';
            default -> throw new InvalidEventException("file " + fileId + " transaction " + t.transactionId()
                    + ": field cardType: '" + t.cardType() + "' is not CREDIT or CHECK");
        };
    }

    static char transactionTypeCode(String fileId, SettlementFileRequested.Transaction t) {
        return switch (t.transactionType() == null ? "" : t.transactionType()) {
            case "APPROVAL" -> 'A';
            case "CANCEL" -> 'C';
            case "PARTIAL_CANCEL" -> 'P';
            default -> throw new InvalidEventException("file " + fileId + " transaction " + t.transactionId()
                    + ": field transactionType: '" + t.transactionType() + "' is not APPROVAL, CANCEL or PARTIAL_CANCEL");
        };
    }

    static void requireFileFields(String fileId, Object fileDate, Object createdAt, List<?> records) {
        if (fileId == null || fileId.isBlank()) {
            throw new InvalidEventException("file-requested event without fileId");
        }
        if (fileDate == null || createdAt == null || records == null) {
            throw new InvalidEventException("file " + fileId + ": fileDate, createdAt and records are required");
        }
    }
}
