package kr.co.pg.settlement.kis.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriterTest {

    private static S1Record s1(int seq, String card, long amount, BigDecimal rate) {
        S1Record r = Samples.s1Records().get(0);
        return new S1Record(seq, r.transactionId(), r.subMerchantId(), r.kisSubMerchantNo(), r.businessNo(),
                r.cardCompany(), r.cardType(), r.transactionType(), r.approvalDate(), r.approvalTime(), r.approvalNo(),
                r.originalApprovalDate(), r.originalApprovalNo(), card, amount, rate, r.feeAmount(),
                r.expectedDifference());
    }

    @Test
    void amountTooLargeNamesFieldAndValueAndWritesNothingOfTheRecord() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KisFileWriter<S1Record> w = KisFileWriter.s1(out, Samples.header(FileType.S1))) {
            assertThatThrownBy(() -> w.write(s1(1, "123456******1234", 10_000_000_000_000L, new BigDecimal("2.300"))))
                    .isInstanceOf(RecordFormatException.class)
                    .satisfies(e -> {
                        RecordFormatException f = (RecordFormatException) e;
                        assertThat(f.field()).isEqualTo("amount (pos 132-145)");
                        assertThat(f.value()).isEqualTo("10000000000000");
                        assertThat(f.record()).isEqualTo("record 1");
                    });
            w.write(s1(1, "123456******1234", -9_999_999_999_999L, new BigDecimal("2.300")));
            w.finish();
        }
        ReadResult<S1Record> r = KisFileReader.read(out.toByteArray(), FileType.S1, x -> { });
        assertThat(r.errors()).isEmpty();
        assertThat(r.trailer().sumOfAmounts()).isEqualTo(-9_999_999_999_999L);
    }

    @Test
    void aFullCardNumberIsRefusedAndNeverEchoed() {
        String full = "1234567890123456";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KisFileWriter<S1Record> w = KisFileWriter.s1(out, Samples.header(FileType.S1));
        assertThatThrownBy(() -> w.write(s1(1, full, 1000, new BigDecimal("2.300"))))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("maskedCardNo (pos 116-131)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(full).doesNotContain("7890123"));
        assertThatThrownBy(() -> w.write(s1(1, null, 1000, new BigDecimal("2.300"))))
                .isInstanceOf(RecordFormatException.class);
        assertThatThrownBy(() -> w.write(s1(1, "123456*****91234", 1000, new BigDecimal("2.300"))))
                .isInstanceOf(RecordFormatException.class);
        w.finish();
        assertThat(new String(out.toByteArray(), Cp949.CHARSET)).doesNotContain(full);
        assertThat(w.recordCount()).isZero();
    }

    @Test
    void sequenceMustBeConsecutiveFromOne() {
        KisFileWriter<S1Record> w = KisFileWriter.s1(new ByteArrayOutputStream(), Samples.header(FileType.S1));
        assertThatThrownBy(() -> w.write(s1(2, "123456******1234", 1, new BigDecimal("2.300"))))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("seq (pos 2-8)")
                .hasMessageContaining("sequence must be 1");
        w.write(s1(1, "123456******1234", 1, new BigDecimal("2.300")));
        assertThatThrownBy(() -> w.write(s1(1, "123456******1234", 1, new BigDecimal("2.300"))))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("sequence must be 2");
    }

    @Test
    void ratesNeedAtMostThreeDecimalsAndFitR5() {
        KisFileWriter<S1Record> w = KisFileWriter.s1(new ByteArrayOutputStream(), Samples.header(FileType.S1));
        assertThatThrownBy(() -> w.write(s1(1, "123456******1234", 1, new BigDecimal("2.3001"))))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("appliedFeeRate (pos 146-150)");
        assertThatThrownBy(() -> w.write(s1(1, "123456******1234", 1, new BigDecimal("100.000"))))
                .isInstanceOf(RecordFormatException.class);
        assertThatThrownBy(() -> w.write(s1(1, "123456******1234", 1, new BigDecimal("-0.100"))))
                .isInstanceOf(RecordFormatException.class);
        w.write(s1(1, "123456******1234", 1, new BigDecimal("2.3")));
    }

    @Test
    void codesTextAndHeaderAreChecked() {
        R1Record base = Samples.r1Records().get(0);
        KisFileWriter<R1Record> w = KisFileWriter.r1(new ByteArrayOutputStream(), Samples.header(FileType.R1));
        assertThatThrownBy(() -> w.write(new R1Record(1, 'X', "SM", "1234567891", "n", "r", base.openedOn(), null,
                null, null, null, null))).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("requestType (pos 9-9)");
        assertThatThrownBy(() -> w.write(new R1Record(1, 'N', "SM", "12345", "n", "r", base.openedOn(), null,
                null, null, null, null))).hasMessageContaining("businessNo (pos 30-39)");
        assertThatThrownBy(() -> w.write(new R1Record(1, 'N', "SM", "1234567891", "emoji \uD83D\uDE00", "r",
                base.openedOn(), null, null, null, null, null))).hasMessageContaining("businessName (pos 40-89)")
                .hasMessageContaining("CP949 cannot represent");
        assertThatThrownBy(() -> w.write(new R1Record(1, 'N', "SM", "1234567891", "line\nbreak", "r",
                base.openedOn(), null, null, null, null, null))).hasMessageContaining("control character");
        assertThatThrownBy(() -> w.write(new R1Record(1, 'N', "SM", "1234567891", "n", "r", base.openedOn(), null,
                null, "02-123", null, null))).hasMessageContaining("phone (pos 131-142)");
        assertThatThrownBy(() -> w.write(new R1Record(1, 'N', "SM", "1234567891", "n", "r", null, null,
                null, null, null, null))).hasMessageContaining("openedOn (pos 110-117)");
        assertThatThrownBy(() -> KisFileWriter.r1(new ByteArrayOutputStream(), Samples.header(FileType.S1)))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> KisFileWriter.r2(new ByteArrayOutputStream(), new FileHeader(FileType.R2,
                "PG00000001", Samples.FILE_DATE, 1, Samples.CREATED, null))).hasMessageContaining("receiptNo");
        assertThatThrownBy(() -> KisFileWriter.r2(new ByteArrayOutputStream(), Samples.header(FileType.R2))
                .write(new R2Record(1, 'N', "SM", "1234567891", "E101", "bad", "01", null, null, null)))
                .hasMessageContaining("feeTier (pos 104-105)");
    }

    @Test
    void koreanTextIsCutAtACharacterBoundary() {
        R1Record base = Samples.r1Records().get(0);
        String address = "가".repeat(49) + "AB" + "나"; // 98 + 2 + 2 = 102 bytes: the last syllable does not fit
        byte[] file = KisFiles.renderR1(Samples.header(FileType.R1), List.of(new R1Record(1, 'N', "SM1",
                "1234567891", "x", "y", base.openedOn(), null, null, null, null, address)));
        List<R1Record> back = TestData.readAll(file, FileType.R1);
        assertThat(back.get(0).address()).isEqualTo("가".repeat(49) + "AB");
        assertThat(Cp949.truncate(address, 100)).isEqualTo("가".repeat(49) + "AB");
        assertThat(Cp949.truncate("A" + "가".repeat(50), 100)).isEqualTo("A" + "가".repeat(49));
        assertThat(Cp949.byteLength("A가")).isEqualTo(3);
    }

    @Test
    void trailerTotalsThatWouldOverflowAreRefusedAtTheRecord() {
        KisFileWriter<S2Record> w = KisFileWriter.s2(new ByteArrayOutputStream(), Samples.header(FileType.S2));
        // S2 difference S(12): at most 99,999,999,999 per record; the S(16) sum holds far more, so use counts
        S2Record r = Samples.s2Records().get(0);
        w.write(new S2Record(1, r.transactionId(), r.approvalNo(), r.approvalDate(), "0000", null,
                new BigDecimal("0.400"), 99_999_999_999L, r.payoutDate()));
        assertThatThrownBy(() -> w.write(new S2Record(2, r.transactionId(), r.approvalNo(), r.approvalDate(), "0000",
                null, new BigDecimal("0.400"), 100_000_000_000L, r.payoutDate())))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("differenceAmount (pos 114-125)");
        w.finish();
    }
}
