package kr.co.pg.settlement.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Records of a validated S2 result file, in parts (see {@link RegistrationResultsReceived}). */
public record SettlementResultsReceived(String eventId, LocalDate businessDate, String fileId, String receiptNo,
                                        int part, int partCount, List<SettlementResult> results)
        implements FileEvent {

    public static String eventIdFor(String receiptNo, int part) {
        return "s2:" + receiptNo + ":" + part;
    }

    /**
     * One S2 data record. {@code resultCode} "0000" = accepted; then {@code differenceAmount} is KIS's figure
     * (what is paid) and {@code payoutDate} is set. {@code preferentialRate} is a percentage (0.400 = 0.4 %).
     */
    public record SettlementResult(int seq, String transactionId, String approvalNo, LocalDate approvalDate,
                                   String resultCode, String resultMessage, BigDecimal preferentialRate,
                                   long differenceAmount, LocalDate payoutDate) {
    }
}
