package kr.co.pg.settlement.kis.protocol;

import java.time.LocalDate;

/**
 * R2 data record. feeTier is the KIS code "01".."05" or null (spaces) unless resultCode is "0000";
 * see {@link FeeTier}. Dates may be null (8 spaces).
 */
public record R2Record(int seq, char requestType, String subMerchantId, String businessNo, String resultCode,
                       String resultMessage, String feeTier, LocalDate tierValidFrom, LocalDate tierValidTo,
                       String kisSubMerchantNo) {
}
