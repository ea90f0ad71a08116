package kr.co.pg.settlement.kis.protocol;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * S2 data record. resultCode "0000" = accepted. preferentialRate is a percentage (0.400), zero when
 * rejected; differenceAmount is KIS's figure, 0 when rejected; payoutDate null (spaces) when rejected.
 */
public record S2Record(int seq, String transactionId, String approvalNo, LocalDate approvalDate, String resultCode,
                       String resultMessage, BigDecimal preferentialRate, long differenceAmount,
                       LocalDate payoutDate) {
}
