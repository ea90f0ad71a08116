package kr.co.pg.settlement.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Records of a validated R2 result file, part {@code part} of {@code partCount} (a big file goes out in
 * parts; the file was validated whole before any part was published). Event id = receipt + part, so a
 * re-publication is deduplicated.
 */
public record RegistrationResultsReceived(String eventId, LocalDate businessDate, String fileId, String receiptNo,
                                          int part, int partCount, List<RegistrationResult> results)
        implements FileEvent {

    public static String eventIdFor(String receiptNo, int part) {
        return "r2:" + receiptNo + ":" + part;
    }

    /**
     * One R2 data record. {@code feeTier}: SMALL, MEDIUM_1, MEDIUM_2, MEDIUM_3, GENERAL, or null (rejected,
     * or an accepted close). {@code resultCode} "0000" means registered.
     */
    public record RegistrationResult(int seq, String requestType, String subMerchantId, String businessNo,
                                     String resultCode, String resultMessage, String feeTier,
                                     LocalDate tierValidFrom, LocalDate tierValidTo, String kisSubMerchantNo) {
    }
}
