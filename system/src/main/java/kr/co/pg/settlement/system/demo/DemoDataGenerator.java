package kr.co.pg.settlement.system.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Writes a demo data set into the PG's own tables (sub_merchant, payment_transaction), as the PG's other
 * systems would: sub-merchants with Korean names (a few that fail the local checks L101-L103), and card
 * transactions across several days with approvals, full and partial cancels, credit and check cards.
 * Deterministic for a seed. Batched inserts: it also feeds the benchmarks (100,000+ transactions).
 */
public final class DemoDataGenerator {

    private static final String[] SURNAMES = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권"};
    private static final String[] GIVEN = {"민준", "서연", "도윤", "지우", "하준", "서윤", "시우", "하은", "주원", "지민", "예준", "수아"};
    private static final String[] SHOP_WORDS = {"한빛", "푸른숲", "별빛", "다온", "하늘", "새봄", "온누리", "바다", "꽃길", "행복",
            "미소", "늘솜", "가람", "초록", "솔빛"};
    private static final String[] SHOP_KINDS = {"상사", "마켓", "베이커리", "꽃집", "문구", "커피", "식품", "공방", "의류", "서점",
            "전자", "약국", "스튜디오", "책방", "반찬가게"};
    private static final String[] DISTRICTS = {"서울특별시 강남구 테헤란로", "서울특별시 마포구 월드컵북로", "부산광역시 해운대구 센텀중앙로",
            "대구광역시 중구 동성로", "인천광역시 연수구 송도과학로", "광주광역시 서구 상무중앙로", "경기도 성남시 분당구 판교역로"};
    private static final String[] CARD_COMPANIES = {"BC", "KB", "HN", "SS", "SH", "HD", "LT", "NH", "WR"};

    private final DataSource dataSource;
    private final Random random;

    public DemoDataGenerator(DataSource dataSource, long seed) {
        this.dataSource = dataSource;
        this.random = new Random(seed);
    }

    /** A sub-merchant as the PG's systems store it (kis_reg_status NONE). */
    public record SubMerchant(String id, String businessNo, String name, String representative, LocalDate openedOn) {
    }

    /**
     * Inserts {@code count} new sub-merchants with ids {@code prefix + 6 digits} starting at {@code firstNumber}.
     * When {@code withLocalRejects}, three of them fail L101 (check digit), L102 (a character CP949 cannot
     * encode) and L103 (representative missing).
     */
    public List<SubMerchant> insertSubMerchants(String prefix, int firstNumber, int count, boolean withLocalRejects)
            throws SQLException {
        List<SubMerchant> created = new ArrayList<>(count);
        String sql = "INSERT INTO sub_merchant (sub_merchant_id, business_no, business_name, representative_name,"
                + " opened_on, closed_on, industry_code, phone, postal_code, address, kis_reg_status)"
                + " VALUES (?,?,?,?,?,NULL,?,?,?,?,'NONE')";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                int n = firstNumber + i;
                String id = prefix + String.format("%06d", n);
                String businessNo = validBusinessNumber();
                String name = pick(SHOP_WORDS) + pick(SHOP_KINDS) + " " + (n % 97 + 1) + "호점";
                String representative = pick(SURNAMES) + pick(GIVEN);
                if (withLocalRejects && i == 0) {
                    businessNo = invalidBusinessNumber(businessNo);
                } else if (withLocalRejects && i == 1) {
                    name = name + " \uD83D\uDE00"; // an emoji: not encodable in CP949 -> L102
                } else if (withLocalRejects && i == 2) {
                    representative = " "; // blank representative -> L103
                }
                LocalDate openedOn = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3000));
                ps.setString(1, id);
                ps.setString(2, businessNo);
                ps.setString(3, name);
                ps.setString(4, representative);
                ps.setDate(5, Date.valueOf(openedOn));
                ps.setString(6, String.format("%05d", 10000 + random.nextInt(80000)));
                ps.setString(7, "0" + (2 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000)));
                ps.setString(8, String.format("%05d", random.nextInt(63000) + 1000));
                ps.setString(9, pick(DISTRICTS) + " " + (1 + random.nextInt(500)) + ", " + (1 + random.nextInt(20)) + "층");
                ps.addBatch();
                created.add(new SubMerchant(id, businessNo, name, representative, openedOn));
            }
            ps.executeBatch();
            c.commit();
        }
        return created;
    }

    /**
     * Inserts about {@code count} transactions of the given sub-merchants, approved between {@code from}
     * (inclusive) and {@code to} (exclusive). About 85 % approvals, 8 % full cancels (a quarter of them on the
     * approval's own day: N003), 7 % partial cancels; 30 % check cards; 2 % with an applied rate below any
     * preferential rate (N002). Transaction ids are {@code idPrefix + 11 digits} from {@code firstNumber}.
     *
     * @return the number of rows inserted
     */
    public int insertTransactions(List<String> subMerchantIds, String idPrefix, long firstNumber, int count,
                                  LocalDate from, LocalDate to) throws SQLException {
        return insertTransactions(subMerchantIds, idPrefix, firstNumber, count, from, to, DEMO_CHECK_CARD_PERCENT);
    }

    /**
     * As {@link #insertTransactions(List, String, long, int, LocalDate, LocalDate)} with {@code checkCardPercent}
     * % check cards (a multiple of 10: the demo's draw is one of ten).
     */
    public int insertTransactions(List<String> subMerchantIds, String idPrefix, long firstNumber, int count,
                                  LocalDate from, LocalDate to, int checkCardPercent) throws SQLException {
        requireTenPercentSteps(checkCardPercent);
        String sql = "INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type,"
                + " transaction_type, approval_no, approved_at, original_approval_no, original_approved_on,"
                + " masked_card_no, amount, applied_fee_rate, fee_amount, diff_status)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'NONE')";
        int days = (int) (to.toEpochDay() - from.toEpochDay());
        long number = firstNumber;
        int inserted = 0;
        List<Approval> recent = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            while (inserted < count) {
                int roll = random.nextInt(100);
                String txId = idPrefix + String.format("%011d", number++);
                if (roll < 15 && !recent.isEmpty()) {
                    Approval original = recent.get(random.nextInt(recent.size()));
                    boolean full = roll < 8;
                    LocalDateTime at;
                    if (full && random.nextInt(4) == 0) {
                        at = original.approvedAt.plusMinutes(1 + random.nextInt(30)); // same day: N003
                        if (!at.toLocalDate().equals(original.approvedAt.toLocalDate())) {
                            at = original.approvedAt.plusSeconds(1);
                        }
                    } else {
                        at = randomMoment(from, days);
                        if (!at.isAfter(original.approvedAt)) {
                            at = original.approvedAt.plusHours(1 + random.nextInt(48));
                        }
                    }
                    if (!at.toLocalDate().isBefore(to)) {
                        continue;
                    }
                    long amount = full ? -original.amount : -Math.max(100, (original.amount / (2 + random.nextInt(5))) / 10 * 10);
                    bind(ps, txId, original.subMerchantId, original.cardCompany, original.cardType,
                            full ? "CANCEL" : "PARTIAL_CANCEL", approvalNumber(), at, original.approvalNo,
                            original.approvedAt.toLocalDate(), original.maskedCard, amount, original.rate);
                    // one cancel per approval: a full cancel after a partial one would cancel more than is left
                    recent.remove(original);
                } else {
                    String subMerchantId = subMerchantIds.get(random.nextInt(subMerchantIds.size()));
                    String cardType = cardType(checkCardPercent);
                    BigDecimal rate = appliedRate(cardType);
                    long amount = (1 + random.nextInt(3000)) * 100L + (random.nextInt(10) == 0 ? 37 : 0);
                    Approval approval = new Approval(subMerchantId, pick(CARD_COMPANIES), cardType, approvalNumber(),
                            randomMoment(from, days), maskedCard(), amount, rate);
                    bind(ps, txId, approval.subMerchantId, approval.cardCompany, approval.cardType, "APPROVAL",
                            approval.approvalNo, approval.approvedAt, null, null, approval.maskedCard, amount, rate);
                    recent.add(approval);
                    if (recent.size() > 2000) {
                        recent.remove(0);
                    }
                }
                ps.addBatch();
                inserted++;
                if (inserted % 5000 == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return inserted;
    }

    /**
     * Inserts {@code count} approvals (no cancels) of {@code day}, each of a random one of the given
     * sub-merchants, {@code checkCardPercent} % of them (a multiple of 10) by check card, every applied rate above
     * every preferential rate (all eligible for a preferential tier). For benchmarks: streams in batches, keeps
     * nothing per row. Transaction ids are {@code idPrefix + 11 digits} from {@code firstNumber}.
     */
    public int insertApprovals(List<String> subMerchantIds, String idPrefix, long firstNumber, int count,
                               LocalDate day, int checkCardPercent) throws SQLException {
        requireTenPercentSteps(checkCardPercent);
        String sql = "INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type,"
                + " transaction_type, approval_no, approved_at, original_approval_no, original_approved_on,"
                + " masked_card_no, amount, applied_fee_rate, fee_amount, diff_status)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'NONE')";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String cardType = cardType(checkCardPercent);
                int base = cardType.equals("CREDIT") ? 2000 : 1500;
                BigDecimal rate = BigDecimal.valueOf(base + random.nextInt(31) * 10L, 3);
                long amount = (1 + random.nextInt(3000)) * 100L + (random.nextInt(10) == 0 ? 37 : 0);
                bind(ps, idPrefix + String.format("%011d", firstNumber + i),
                        subMerchantIds.get(random.nextInt(subMerchantIds.size())), pick(CARD_COMPANIES), cardType,
                        "APPROVAL", approvalNumber(), randomMoment(day, 1), null, null, maskedCard(), amount, rate);
                ps.addBatch();
                if ((i + 1) % 5000 == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return count;
    }

    /** The demo's share of check cards. */
    public static final int DEMO_CHECK_CARD_PERCENT = 30;

    private String cardType(int checkCardPercent) {
        // one draw of ten, as the demo always drew: the demo's data set stays the same for a seed
        return random.nextInt(10) < (100 - checkCardPercent) / 10 ? "CREDIT" : "CHECK";
    }

    private static void requireTenPercentSteps(int checkCardPercent) {
        if (checkCardPercent < 0 || checkCardPercent > 100 || checkCardPercent % 10 != 0) {
            throw new IllegalArgumentException("check-card share must be 0, 10, ..., 100 %, not " + checkCardPercent);
        }
    }

    private record Approval(String subMerchantId, String cardCompany, String cardType, String approvalNo,
                            LocalDateTime approvedAt, String maskedCard, long amount, BigDecimal rate) {
    }

    private static void bind(PreparedStatement ps, String txId, String subMerchantId, String cardCompany,
                             String cardType, String type, String approvalNo, LocalDateTime approvedAt,
                             String originalApprovalNo, LocalDate originalApprovedOn, String maskedCard, long amount,
                             BigDecimal rate) throws SQLException {
        ps.setString(1, txId);
        ps.setString(2, subMerchantId);
        ps.setString(3, cardCompany);
        ps.setString(4, cardType);
        ps.setString(5, type);
        ps.setString(6, approvalNo);
        ps.setTimestamp(7, Timestamp.valueOf(approvedAt));
        ps.setString(8, originalApprovalNo);
        ps.setDate(9, originalApprovedOn == null ? null : Date.valueOf(originalApprovedOn));
        ps.setString(10, maskedCard);
        ps.setLong(11, amount);
        ps.setBigDecimal(12, rate);
        // The fee the card company charged the PG, in whole won (half up), negative for cancels.
        ps.setLong(13, BigDecimal.valueOf(amount).multiply(rate).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact());
    }

    private BigDecimal appliedRate(String cardType) {
        if (random.nextInt(50) == 0) {
            return new BigDecimal("0.100"); // below every preferential rate: N002
        }
        int base = cardType.equals("CREDIT") ? 2000 : 1500;
        return BigDecimal.valueOf(base + random.nextInt(31) * 10L, 3);
    }

    private LocalDateTime randomMoment(LocalDate from, int days) {
        return from.plusDays(random.nextInt(Math.max(1, days))).atStartOfDay().plusSeconds(random.nextInt(86_400));
    }

    private String approvalNumber() {
        return String.format("%08d", random.nextInt(100_000_000));
    }

    private String maskedCard() {
        return String.format("%06d", 400000 + random.nextInt(160000)) + "******" + String.format("%04d", random.nextInt(10000));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Nine random digits and the check digit of domain.md. */
    String validBusinessNumber() {
        int[] w = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        int[] d = new int[9];
        d[0] = 1 + random.nextInt(9);
        for (int i = 1; i < 9; i++) {
            d[i] = random.nextInt(10);
        }
        int s = 0;
        for (int i = 0; i < 9; i++) {
            s += d[i] * w[i];
        }
        s += (d[8] * 5) / 10;
        int check = (10 - s % 10) % 10;
        StringBuilder sb = new StringBuilder(10);
        for (int digit : d) {
            sb.append(digit);
        }
        return sb.append(check).toString();
    }

    private static String invalidBusinessNumber(String valid) {
        int last = valid.charAt(9) - '0';
        return valid.substring(0, 9) + ((last + 1) % 10);
    }
}
