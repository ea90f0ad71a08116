package kr.co.pg.settlement.kis.protocol;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * S1 data record. cardType: 'C' credit, 'K' check. transactionType: 'A' approval, 'C' cancel, 'P' partial
 * cancel. appliedFeeRate is a percentage with three decimals (2.300). Amounts are signed KRW.
 */
public record S1Record(int seq, String transactionId, String subMerchantId, String kisSubMerchantNo,
                       String businessNo, String cardCompany, char cardType, char transactionType,
                       LocalDate approvalDate, LocalTime approvalTime, String approvalNo,
                       LocalDate originalApprovalDate, String originalApprovalNo, String maskedCardNo,
                       long amount, BigDecimal appliedFeeRate, long feeAmount, long expectedDifference) {
}
