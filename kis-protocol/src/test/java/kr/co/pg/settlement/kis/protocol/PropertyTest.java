package kr.co.pg.settlement.kis.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random valid records survive write then read; random or mutated bytes give only typed errors. */
class PropertyTest {

    private static final String HANGUL = "가나다라마바사아자차카타파하김이박최정강조윤장임한국상사주식회사";

    // ------------------------------------------------------------------ generators

    /** Text mixing ASCII and Hangul, sometimes longer than its field; null stands for an absent value. */
    private static Arbitrary<String> text(int maxChars) {
        Arbitrary<Character> ch = Arbitraries.oneOf(Arbitraries.chars().range('!', '~'),
                Arbitraries.of(HANGUL.chars().mapToObj(c -> (char) c).toArray(Character[]::new)),
                Arbitraries.just(' '));
        return ch.list().ofMinSize(0).ofMaxSize(maxChars)
                .map(l -> {
                    StringBuilder sb = new StringBuilder();
                    l.forEach(sb::append);
                    return sb.toString();
                }).injectNull(0.1);
    }

    private static Arbitrary<String> digits(int n) {
        return Arbitraries.strings().numeric().ofLength(n);
    }

    private static Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31)
                .toEpochDay()).map(LocalDate::ofEpochDay);
    }

    private static Arbitrary<BigDecimal> rates() {
        return Arbitraries.longs().between(0, 99_999).map(v -> BigDecimal.valueOf(v, 3));
    }

    private static Arbitrary<Long> signed(int digits) {
        long max = (long) Math.pow(10, digits) - 1;
        return Arbitraries.oneOf(Arbitraries.longs().between(-max, max), Arbitraries.of(0L, max, -max, 1L, -1L));
    }

    @Provide
    Arbitrary<List<S1Record>> s1Lists() {
        Arbitrary<S1Record> one = Combinators.combine(
                Combinators.combine(text(22), text(22), text(16), digits(10), Arbitraries.of("BC", "KB", "HN", "SS",
                        "SH", "HD", "LT", "NH", "WR"), Arbitraries.of('C', 'K'), Arbitraries.of('A', 'C', 'P'),
                        dates()).as(java.util.Arrays::<Object>asList),
                Combinators.combine(Arbitraries.integers().between(0, 86_399).map(LocalTime::ofSecondOfDay), text(9),
                        dates().injectNull(0.5), text(9), digits(6), digits(4), signed(13), rates())
                        .as(java.util.Arrays::<Object>asList),
                Combinators.combine(signed(11), signed(11)).as(java.util.Arrays::<Object>asList))
                .as((a, b, c) -> new S1Record(0, (String) a.get(0), (String) a.get(1), (String) a.get(2),
                        (String) a.get(3), (String) a.get(4), (Character) a.get(5), (Character) a.get(6),
                        (LocalDate) a.get(7), (LocalTime) b.get(0), (String) b.get(1), (LocalDate) b.get(2),
                        (String) b.get(3), b.get(4) + "******" + b.get(5), (Long) b.get(6), (BigDecimal) b.get(7),
                        (Long) c.get(0), (Long) c.get(1)));
        return one.list().ofMaxSize(30).map(PropertyTest::numberS1);
    }

    private static List<S1Record> numberS1(List<S1Record> in) {
        List<S1Record> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            S1Record r = in.get(i);
            out.add(new S1Record(i + 1, r.transactionId(), r.subMerchantId(), r.kisSubMerchantNo(), r.businessNo(),
                    r.cardCompany(), r.cardType(), r.transactionType(), r.approvalDate(), r.approvalTime(),
                    r.approvalNo(), r.originalApprovalDate(), r.originalApprovalNo(), r.maskedCardNo(), r.amount(),
                    r.appliedFeeRate(), r.feeAmount(), r.expectedDifference()));
        }
        return out;
    }

    @Provide
    Arbitrary<List<R1Record>> r1Lists() {
        Arbitrary<R1Record> one = Combinators.combine(
                Combinators.combine(Arbitraries.of('N', 'U', 'C'), text(22), digits(10), text(30), text(12), dates(),
                        dates().injectNull(0.5), text(6)).as(java.util.Arrays::<Object>asList),
                Combinators.combine(Arbitraries.strings().numeric().ofMaxLength(14).injectNull(0.2), text(6),
                        text(60)).as(java.util.Arrays::<Object>asList))
                .as((a, b) -> new R1Record(0, (Character) a.get(0), (String) a.get(1), (String) a.get(2),
                        (String) a.get(3), (String) a.get(4), (LocalDate) a.get(5), (LocalDate) a.get(6),
                        (String) a.get(7), (String) b.get(0), (String) b.get(1), (String) b.get(2)));
        return one.list().ofMaxSize(20).map(l -> {
            List<R1Record> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                R1Record r = l.get(i);
                out.add(new R1Record(i + 1, r.requestType(), r.subMerchantId(), r.businessNo(), r.businessName(),
                        r.representativeName(), r.openedOn(), r.closedOn(), r.industryCode(),
                        r.phone() == null || r.phone().isEmpty() ? null : r.phone(), r.postalCode(), r.address()));
            }
            return out;
        });
    }

    @Provide
    Arbitrary<List<S2Record>> s2Lists() {
        Arbitrary<S2Record> one = Combinators.combine(text(22), text(9), dates(), Arbitraries.of("0000", "E201",
                "E299"), text(40), rates(), signed(11), dates().injectNull(0.3))
                .as((t, a, d, code, msg, rate, diff, pay) -> new S2Record(0, t, a, d, code, msg, rate, diff, pay));
        return one.list().ofMaxSize(20).map(l -> {
            List<S2Record> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                S2Record r = l.get(i);
                out.add(new S2Record(i + 1, r.transactionId(), r.approvalNo(), r.approvalDate(), r.resultCode(),
                        r.resultMessage(), r.preferentialRate(), r.differenceAmount(), r.payoutDate()));
            }
            return out;
        });
    }

    @Provide
    Arbitrary<List<R2Record>> r2Lists() {
        Arbitrary<R2Record> one = Combinators.combine(Arbitraries.of('N', 'U', 'C'), text(22), digits(10),
                Arbitraries.of("0000", "E101", "E104"), text(40), Arbitraries.of("01", "02", "03", "04", "05"),
                dates().injectNull(0.3), text(16))
                .as((t, sm, bn, code, msg, tier, d, kis) -> new R2Record(0, t, sm, bn, code, msg,
                        "0000".equals(code) ? tier : null, d, d == null ? null : d.plusMonths(6), kis));
        return one.list().ofMaxSize(20).map(l -> {
            List<R2Record> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                R2Record r = l.get(i);
                out.add(new R2Record(i + 1, r.requestType(), r.subMerchantId(), r.businessNo(), r.resultCode(),
                        r.resultMessage(), r.feeTier(), r.tierValidFrom(), r.tierValidTo(), r.kisSubMerchantNo()));
            }
            return out;
        });
    }

    /** What an A(n) field gives back: cut to n bytes at a boundary, trailing spaces dropped, blank is null. */
    private static String fitted(String s, int n) {
        if (s == null) {
            return null;
        }
        String cut = Cp949.truncate(s, n).stripTrailing();
        return cut.isEmpty() ? null : cut;
    }

    // ------------------------------------------------------------------ round trips

    @Property(tries = 150)
    void s1RecordsSurviveWriteThenRead(@ForAll("s1Lists") List<S1Record> records) {
        byte[] file = KisFiles.renderS1(Samples.header(FileType.S1), records);
        List<S1Record> back = TestData.readAll(file, FileType.S1);
        List<S1Record> expected = new ArrayList<>();
        for (S1Record r : records) {
            expected.add(new S1Record(r.seq(), fitted(r.transactionId(), 20), fitted(r.subMerchantId(), 20),
                    fitted(r.kisSubMerchantNo(), 15), r.businessNo(), r.cardCompany(), r.cardType(),
                    r.transactionType(), r.approvalDate(), r.approvalTime(), fitted(r.approvalNo(), 8),
                    r.originalApprovalDate(), fitted(r.originalApprovalNo(), 8), r.maskedCardNo(), r.amount(),
                    r.appliedFeeRate(), r.feeAmount(), r.expectedDifference()));
        }
        assertThat(back).isEqualTo(expected);
        assertThat(file.length).isEqualTo((records.size() + 2) * 202);
        assertThat(reRender(back)).isEqualTo(file);
    }

    private static byte[] reRender(List<S1Record> back) {
        return KisFiles.renderS1(Samples.header(FileType.S1), back);
    }

    @Property(tries = 150)
    void r1RecordsWithKoreanTextSurviveWriteThenRead(@ForAll("r1Lists") List<R1Record> records) {
        byte[] file = KisFiles.renderR1(Samples.header(FileType.R1), records);
        List<R1Record> back = TestData.readAll(file, FileType.R1);
        List<R1Record> expected = new ArrayList<>();
        for (R1Record r : records) {
            expected.add(new R1Record(r.seq(), r.requestType(), fitted(r.subMerchantId(), 20), r.businessNo(),
                    fitted(r.businessName(), 50), fitted(r.representativeName(), 20), r.openedOn(), r.closedOn(),
                    fitted(r.industryCode(), 5), fitted(r.phone(), 12), fitted(r.postalCode(), 5),
                    fitted(r.address(), 100)));
        }
        assertThat(back).isEqualTo(expected);
        assertThat(KisFiles.renderR1(Samples.header(FileType.R1), back)).isEqualTo(file);
    }

    @Property(tries = 100)
    void s2RecordsSurviveWriteThenRead(@ForAll("s2Lists") List<S2Record> records) {
        byte[] file = KisFiles.renderS2(Samples.header(FileType.S2), records);
        List<S2Record> back = TestData.readAll(file, FileType.S2);
        List<S2Record> expected = new ArrayList<>();
        long sum = 0;
        for (S2Record r : records) {
            expected.add(new S2Record(r.seq(), fitted(r.transactionId(), 20), fitted(r.approvalNo(), 8),
                    r.approvalDate(), r.resultCode(), fitted(r.resultMessage(), 60), r.preferentialRate(),
                    r.differenceAmount(), r.payoutDate()));
            sum += "0000".equals(r.resultCode()) ? r.differenceAmount() : 0;
        }
        assertThat(back).isEqualTo(expected);
        assertThat(KisFileReader.validate(file, FileType.S2).trailer().sumOfDifferences()).isEqualTo(sum);
    }

    @Property(tries = 100)
    void r2RecordsSurviveWriteThenRead(@ForAll("r2Lists") List<R2Record> records) {
        byte[] file = KisFiles.renderR2(Samples.header(FileType.R2), records);
        List<R2Record> back = TestData.readAll(file, FileType.R2);
        List<R2Record> expected = new ArrayList<>();
        for (R2Record r : records) {
            expected.add(new R2Record(r.seq(), r.requestType(), fitted(r.subMerchantId(), 20), r.businessNo(),
                    r.resultCode(), fitted(r.resultMessage(), 60), r.feeTier(), r.tierValidFrom(), r.tierValidTo(),
                    fitted(r.kisSubMerchantNo(), 15)));
        }
        assertThat(back).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ fuzz: never an untyped exception

    @Property(tries = 300)
    void randomBytesGiveOnlyLayoutErrors(@ForAll @Size(max = 1200) byte[] bytes,
                                         @ForAll("fileTypes") FileType type) {
        ReadResult<Object> r = KisFileReader.read(bytes, type, x -> { });
        assertThat(r.valid()).isFalse();
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.line()).isPositive());
    }

    @Provide
    Arbitrary<FileType> fileTypes() {
        return Arbitraries.of(FileType.values());
    }

    @Provide
    Arbitrary<String> goldenNames() {
        return Arbitraries.of("r1-golden.txt", "r2-golden.txt", "s1-golden.txt", "s2-golden.txt", "s1-empty.txt");
    }

    @Property(tries = 400)
    void mutatedGoldenFilesGiveOnlyTypedResults(@ForAll("goldenNames") String name,
                                                @ForAll @IntRange(min = 0, max = 100_000) int where,
                                                @ForAll byte value,
                                                @ForAll @IntRange(min = 0, max = 3) int kind) {
        byte[] golden = TestData.bytes(name);
        FileType type = FileType.valueOf(name.substring(0, 2).toUpperCase());
        int at = where % golden.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (kind) {
            case 0 -> { // replace a byte
                byte[] m = golden.clone();
                m[at] = value;
                out.writeBytes(m);
            }
            case 1 -> { // insert a byte
                out.write(golden, 0, at);
                out.write(value);
                out.write(golden, at, golden.length - at);
            }
            case 2 -> { // delete a byte
                out.write(golden, 0, at);
                out.write(golden, at + 1, golden.length - at - 1);
            }
            default -> out.write(golden, 0, at); // truncate
        }
        byte[] mutated = out.toByteArray();
        List<Object> delivered = new ArrayList<>();
        ReadResult<Object> r = KisFileReader.read(mutated, type, delivered::add);
        if (r.valid()) {
            // a harmless change (e.g. one text byte for another): every record was delivered
            assertThat(delivered).hasSize(r.recordCount());
        } else {
            assertThat(delivered).isEmpty();
            assertThat(r.errors()).isNotEmpty();
        }
    }
}
