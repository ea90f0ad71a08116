package kr.co.pg.settlement.collector.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import kr.co.pg.settlement.events.status.KisRegStatus;

/** A payment_transaction row in diff_status NONE, with what its sub-merchant's registration says. */
public record TransactionCandidate(String transactionId, String subMerchantId, String cardCompany, String cardType,
                                   String transactionType, String approvalNo, LocalDateTime approvedAt,
                                   String originalApprovalNo, LocalDate originalApprovedOn, String maskedCardNo,
                                   long amount, BigDecimal appliedFeeRate, long feeAmount,
                                   KisRegStatus subMerchantRegStatus, String feeTier, LocalDate tierValidFrom,
                                   LocalDate tierValidTo, String kisSubMerchantNo, String businessNo) {

    public LocalDate transactionDate() {
        return approvedAt.toLocalDate();
    }
}
