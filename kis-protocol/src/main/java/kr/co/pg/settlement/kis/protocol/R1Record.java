package kr.co.pg.settlement.kis.protocol;

import java.time.LocalDate;

/** R1 data record. requestType: 'N' new, 'U' update, 'C' close. closedOn may be null. Text fields may be null (spaces). */
public record R1Record(int seq, char requestType, String subMerchantId, String businessNo, String businessName,
                       String representativeName, LocalDate openedOn, LocalDate closedOn, String industryCode,
                       String phone, String postalCode, String address) {
}
