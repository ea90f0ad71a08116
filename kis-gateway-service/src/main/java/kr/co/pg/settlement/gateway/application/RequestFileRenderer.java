package kr.co.pg.settlement.gateway.application;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import kr.co.pg.settlement.events.FileRequested;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.kis.protocol.CardType;
import kr.co.pg.settlement.kis.protocol.FileHeader;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileWriter;
import kr.co.pg.settlement.kis.protocol.R1Record;
import kr.co.pg.settlement.kis.protocol.RecordFormatException;
import kr.co.pg.settlement.kis.protocol.S1Record;
import kr.co.pg.settlement.kis.protocol.TransactionType;

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
        return render(FileType.S1, event, KisFileWriter::s1, transaction -> toS1(event.fileId(), transaction));
    }

    byte[] renderR1(RegistrationFileRequested event) {
        return render(FileType.R1, event, KisFileWriter::r1, registration -> toR1(event.fileId(), registration));
    }

    private <E, R> byte[] render(FileType type, FileRequested<E> event,
                                 BiFunction<OutputStream, FileHeader, KisFileWriter<R>> writerFactory,
                                 Function<E, R> mapping) {
        requireFileFields(event);
        FileHeader header = new FileHeader(type, pgCompanyCode, event.fileDate(), event.fileSeq(), event.createdAt(),
                null);
        List<E> records = event.records();
        // header + records + trailer, each recordLength + CR LF
        long expectedSize = (long) (type.recordLength() + 2) * (records.size() + 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(expectedSize, Integer.MAX_VALUE - 16));
        int line = 1;
        try (KisFileWriter<R> writer = writerFactory.apply(out, header)) {
            for (E record : records) {
                line++;
                writer.write(mapping.apply(record));
            }
            line++;
            writer.finish();
        } catch (RecordFormatException e) {
            throw new UnrenderableFileException(line, "file " + event.fileId() + " line " + line + ": " + e.getMessage(),
                    e);
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

    private static char cardTypeCode(String fileId, SettlementFileRequested.Transaction t) {
        return pgValue(CardType.class, t.cardType()).map(CardType::kisCode).orElseThrow(() ->
                new InvalidEventException("file " + fileId + " transaction " + t.transactionId()
                        + ": field cardType: '" + t.cardType() + "' is not CREDIT or CHECK"));
    }

    private static char transactionTypeCode(String fileId, SettlementFileRequested.Transaction t) {
        return pgValue(TransactionType.class, t.transactionType()).map(TransactionType::kisCode).orElseThrow(() ->
                new InvalidEventException("file " + fileId + " transaction " + t.transactionId()
                        + ": field transactionType: '" + t.transactionType()
                        + "' is not APPROVAL, CANCEL or PARTIAL_CANCEL"));
    }

    /** The constant the PG's column value names (kis-protocol keeps the S1 codes); empty for null or unknown. */
    private static <T extends Enum<T>> Optional<T> pgValue(Class<T> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            // twice per S1 record: the JDK's cached name lookup, no stream or array copy per call
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    static void requireFileFields(FileRequested<?> event) {
        if (event.fileId() == null || event.fileId().isBlank()) {
            throw new InvalidEventException("file-requested event without fileId");
        }
        if (event.fileDate() == null || event.createdAt() == null || event.records() == null) {
            throw new InvalidEventException("file " + event.fileId() + ": fileDate, createdAt and records are required");
        }
    }
}
