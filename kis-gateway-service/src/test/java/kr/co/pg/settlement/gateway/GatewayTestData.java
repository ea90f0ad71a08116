package kr.co.pg.settlement.gateway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;

public final class GatewayTestData {

    public static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 24);

    public static String fileId(String type, int seq) {
        return type + "-" + BUSINESS_DATE.toString().replace("-", "") + "-" + String.format("%06d", seq);
    }

    public static SettlementFileRequested settlementFile(String fileId, int fileSeq, int records, String txPrefix) {
        List<SettlementFileRequested.Transaction> transactions = new ArrayList<>();
        for (int i = 1; i <= records; i++) {
            transactions.add(transaction(i, txPrefix + String.format("%05d", i), 120_000L + i));
        }
        return settlementFile(fileId, fileSeq, transactions);
    }

    public static SettlementFileRequested settlementFile(String fileId, int fileSeq,
                                                  List<SettlementFileRequested.Transaction> transactions) {
        return new SettlementFileRequested("evt-" + fileId, BUSINESS_DATE, fileId, BUSINESS_DATE, fileSeq,
                LocalDateTime.of(2026, 11, 24, 7, 15, 3), transactions);
    }

    public static SettlementFileRequested.Transaction transaction(int seq, String transactionId, long amount) {
        return new SettlementFileRequested.Transaction(seq, transactionId, "SUB0000001", "KIS000000000001",
                "1248100998", "BC", seq % 2 == 0 ? "CHECK" : "CREDIT", "APPROVAL",
                LocalDateTime.of(2026, 11, 23, 14, 30, 5), String.format("%08d", seq), null, null,
                "123456******1234", amount, new BigDecimal("2.300"), amount * 23 / 1000, amount * 19 / 1000);
    }

    public static RegistrationFileRequested registrationFile(String fileId, int fileSeq, String subMerchantPrefix) {
        List<RegistrationFileRequested.Registration> records = List.of(
                new RegistrationFileRequested.Registration(1, "N", subMerchantPrefix + "01", "1248100998",
                        "행복한 가게", "김철수", LocalDate.of(2020, 3, 1), null, "54321", "0212345678", "04524",
                        "서울특별시 중구 세종대로 110"),
                new RegistrationFileRequested.Registration(2, "N", subMerchantPrefix + "02", "2208162517",
                        "Coffee Lab", "이영희", LocalDate.of(2021, 7, 15), null, "56221", "0311234567", "13529",
                        "경기도 성남시 분당구 판교역로 235"));
        return new RegistrationFileRequested("evt-" + fileId, BUSINESS_DATE, fileId, BUSINESS_DATE, fileSeq,
                LocalDateTime.of(2026, 11, 24, 6, 0, 0), records);
    }

    private GatewayTestData() {
    }
}
