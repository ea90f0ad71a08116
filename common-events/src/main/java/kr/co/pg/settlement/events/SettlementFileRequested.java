package kr.co.pg.settlement.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The collector put these transactions into one S1 file (see {@link RegistrationFileRequested} for why
 * the event carries all it takes to render identical bytes again).
 */
public record SettlementFileRequested(String eventId, LocalDate businessDate, String fileId, LocalDate fileDate,
                                      int fileSeq, LocalDateTime createdAt, List<Transaction> records,
                                      String kickoffId)
        implements FileRequested<SettlementFileRequested.Transaction> {

    /** Without the kick-off id: events written before it was carried (it is optional on the wire). */
    public SettlementFileRequested(String eventId, LocalDate businessDate, String fileId, LocalDate fileDate, int fileSeq,
            LocalDateTime createdAt, List<Transaction> records) {
        this(eventId, businessDate, fileId, fileDate, fileSeq, createdAt, records, null);
    }

    /**
     * One S1 data record. {@code cardType}: CREDIT or CHECK; {@code transactionType}: APPROVAL, CANCEL or
     * PARTIAL_CANCEL (pg-core.sql values; the gateway maps them to KIS codes). Amounts are signed KRW.
     * {@code maskedCardNo} is the masked form only.
     */
    public record Transaction(int seq, String transactionId, String subMerchantId, String kisSubMerchantNo,
                              String businessNo, String cardCompany, String cardType, String transactionType,
                              LocalDateTime approvedAt, String approvalNo, LocalDate originalApprovedOn,
                              String originalApprovalNo, String maskedCardNo, long amount,
                              BigDecimal appliedFeeRate, long feeAmount, long expectedDifference) {
    }
}
