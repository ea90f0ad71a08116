package kr.co.pg.settlement.kis.protocol;

import static kr.co.pg.settlement.kis.protocol.TestData.ascii;
import static kr.co.pg.settlement.kis.protocol.TestData.bytes;
import static kr.co.pg.settlement.kis.protocol.TestData.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldenFilesTest {

    @Test
    void checkedInFilesAreExactlyWhatTheWriterAndGeneratorProduce() {
        for (Map.Entry<String, byte[]> e : GoldenFiles.golden().entrySet()) {
            assertThat(Arrays.equals(bytes(e.getKey()), e.getValue())).as(e.getKey()).isTrue();
        }
        for (Map.Entry<String, byte[]> e : GoldenFiles.broken().entrySet()) {
            assertThat(Arrays.equals(bytes(e.getKey()), e.getValue())).as(e.getKey()).isTrue();
        }
    }

    @Test
    void s1GoldenReadsBackAndHasTheSpecifiedBytes() {
        byte[] f = bytes("s1-golden.txt");
        assertThat(f).hasSize(5 * 202);
        List<S1Record> records = readAll(f, FileType.S1);
        assertThat(records).isEqualTo(Samples.s1Records());

        assertThat(ascii(f, 202, 1, 1, 61)).isEqualTo("HS1PG00000001" + "20261124" + "000001" + "20261124093015"
                + " ".repeat(20));
        assertThat(ascii(f, 202, 1, 201, 2)).isEqualTo("\r\n");
        assertThat(ascii(f, 202, 2, 1, 8)).isEqualTo("D0000001");
        assertThat(ascii(f, 202, 2, 116, 16)).isEqualTo("123456******1234");
        assertThat(ascii(f, 202, 2, 132, 14)).isEqualTo("+0000000150000");
        assertThat(ascii(f, 202, 2, 146, 5)).isEqualTo("02300");
        assertThat(ascii(f, 202, 2, 151, 12)).isEqualTo("+00000003450");
        assertThat(ascii(f, 202, 2, 163, 12)).isEqualTo("+00000002850");
        assertThat(ascii(f, 202, 2, 100, 16)).as("absent original approval").isBlank();
        assertThat(ascii(f, 202, 2, 175, 26)).as("filler").isBlank();
        // cancel and partial cancel: negative amounts
        assertThat(ascii(f, 202, 3, 77, 1)).isEqualTo("C");
        assertThat(ascii(f, 202, 3, 132, 14)).isEqualTo("-0000000055000");
        assertThat(ascii(f, 202, 3, 100, 8)).isEqualTo("20261120");
        assertThat(ascii(f, 202, 4, 77, 1)).isEqualTo("P");
        assertThat(ascii(f, 202, 4, 132, 14)).isEqualTo("-0000000010001");
        // trailer: 3 records, 150000 - 55000 - 10001 = 84999, fees 3450 - 825 - 230 = 2395
        assertThat(ascii(f, 202, 5, 1, 38)).isEqualTo("T0000003" + "+000000000084999" + "+0000000002395");
        assertThat(ascii(f, 202, 5, 39, 162)).isBlank();
    }

    @Test
    void r1GoldenCutsKoreanTextAtCharacterBoundaries() {
        byte[] f = bytes("r1-golden.txt");
        assertThat(f).hasSize(5 * 302);
        List<R1Record> records = readAll(f, FileType.R1);
        // exactly 50 and 20 bytes: kept whole, no padding left
        assertThat(records.get(0).businessName()).isEqualTo(Samples.NAME_50_BYTES);
        assertThat(records.get(0).representativeName()).isEqualTo(Samples.REP_20_BYTES);
        byte[] name = Arrays.copyOfRange(f, 302 + 39, 302 + 89);
        assertThat(name).isEqualTo(Samples.NAME_50_BYTES.getBytes(Cp949.CHARSET));
        // 21 bytes: the 10th syllable would straddle the end, so it is dropped and a space pads byte 20
        assertThat(records.get(1).representativeName()).isEqualTo("A김철수김철수김철수");
        assertThat(f[2 * 302 + 89 + 19]).isEqualTo((byte) ' ');
        assertThat(Arrays.copyOfRange(f, 2 * 302 + 89, 2 * 302 + 89 + 19))
                .isEqualTo("A김철수김철수김철수".getBytes(Cp949.CHARSET));
        assertThat(records.get(1).businessName()).isEqualTo("(주)한국상사");
        // the close: closed-on date present; absent texts read back as null
        assertThat(ascii(f, 302, 4, 118, 8)).isEqualTo("20261123");
        assertThat(ascii(f, 302, 2, 118, 8)).isEqualTo("        ");
        assertThat(records.get(2).phone()).isNull();
        assertThat(ascii(f, 302, 2, 131, 12)).isEqualTo("0212345678  ");
        assertThat(ascii(f, 302, 5, 1, 8)).isEqualTo("T0000003");
        assertThat(ascii(f, 302, 5, 9, 292)).isBlank();

        List<R1Record> expected = List.of(Samples.r1Records().get(0),
                withRepresentative(Samples.r1Records().get(1), "A김철수김철수김철수"), Samples.r1Records().get(2));
        assertThat(records).isEqualTo(expected);
    }

    private static R1Record withRepresentative(R1Record r, String name) {
        return new R1Record(r.seq(), r.requestType(), r.subMerchantId(), r.businessNo(), r.businessName(), name,
                r.openedOn(), r.closedOn(), r.industryCode(), r.phone(), r.postalCode(), r.address());
    }

    @Test
    void r2GoldenHasRegisteredAndRejected() {
        byte[] f = bytes("r2-golden.txt");
        assertThat(readAll(f, FileType.R2)).isEqualTo(Samples.r2Records());
        assertThat(ascii(f, 302, 1, 42, 20)).isEqualTo(Samples.RECEIPT);
        assertThat(ascii(f, 302, 2, 40, 4)).isEqualTo("0000");
        assertThat(ascii(f, 302, 2, 104, 2)).isEqualTo("01");
        assertThat(ascii(f, 302, 3, 40, 4)).isEqualTo("E104");
        assertThat(ascii(f, 302, 3, 104, 18)).isBlank();
        assertThat(ascii(f, 302, 5, 1, 22)).isEqualTo("T0000003" + "0000002" + "0000001");
        ReadResult<R2Record> r = KisFileReader.validate(f, FileType.R2).valid() ? KisFileReader.read(f, FileType.R2,
                x -> { }) : null;
        assertThat(r.trailer()).isEqualTo(new Trailer(3, null, null, 2, 1, null));
    }

    @Test
    void s2GoldenHasAcceptedAndRejected() {
        byte[] f = bytes("s2-golden.txt");
        assertThat(readAll(f, FileType.S2)).isEqualTo(Samples.s2Records());
        assertThat(ascii(f, 202, 3, 45, 4)).isEqualTo("E203");
        assertThat(ascii(f, 202, 3, 109, 5)).isEqualTo("00000");
        assertThat(ascii(f, 202, 3, 114, 12)).isEqualTo("+00000000000");
        assertThat(ascii(f, 202, 3, 126, 8)).isBlank();
        assertThat(ascii(f, 202, 4, 114, 12)).isEqualTo("-00000000190");
        // accepted 2, rejected 1, sum of accepted differences 2850 - 190
        assertThat(ascii(f, 202, 5, 1, 38)).isEqualTo("T0000003" + "0000002" + "0000001" + "+000000000002660");
        ReadResult<S2Record> r = KisFileReader.read(f, FileType.S2, x -> { });
        assertThat(r.trailer()).isEqualTo(new Trailer(3, null, null, 2, 1, 2660L));
        assertThat(r.header()).isEqualTo(Samples.header(FileType.S2));
        assertThat(r.recordCount()).isEqualTo(3);
    }

    @Test
    void zeroRecordFilesAreHeaderAndTrailerOnly() {
        for (FileType type : FileType.values()) {
            byte[] f = bytes(type.name().toLowerCase() + "-empty.txt");
            int lineLength = type.recordLength() + 2;
            assertThat(f).hasSize(2 * lineLength);
            ReadResult<Object> r = KisFileReader.read(f, type, x -> {
                throw new AssertionError("no records expected");
            });
            assertThat(r.errors()).isEmpty();
            assertThat(r.recordCount()).isZero();
            assertThat(r.trailer().recordCount()).isZero();
            assertThat(ascii(f, lineLength, 2, 1, 8)).isEqualTo("T0000000");
        }
        assertThat(ascii(bytes("s1-empty.txt"), 202, 2, 9, 30)).isEqualTo("+000000000000000+0000000000000");
    }

    @Test
    void byteExactRoundTripReadThenWrite() {
        assertThat(rewrite("r1-golden.txt", FileType.R1)).isEqualTo(bytes("r1-golden.txt"));
        assertThat(rewrite("r2-golden.txt", FileType.R2)).isEqualTo(bytes("r2-golden.txt"));
        assertThat(rewrite("s1-golden.txt", FileType.S1)).isEqualTo(bytes("s1-golden.txt"));
        assertThat(rewrite("s2-golden.txt", FileType.S2)).isEqualTo(bytes("s2-golden.txt"));
        for (FileType t : FileType.values()) {
            String name = t.name().toLowerCase() + "-empty.txt";
            assertThat(rewrite(name, t)).as(name).isEqualTo(bytes(name));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] rewrite(String name, FileType type) {
        byte[] original = bytes(name);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FileHeader header = KisFileReader.validate(original, type).header();
        KisFileWriter writer = switch (type) {
            case R1 -> KisFileWriter.r1(out, header);
            case R2 -> KisFileWriter.r2(out, header);
            case S1 -> KisFileWriter.s1(out, header);
            case S2 -> KisFileWriter.s2(out, header);
        };
        try (writer) {
            ReadResult<Object> r = KisFileReader.read(original, type, writer::write);
            assertThat(r.errors()).isEmpty();
            writer.finish();
        }
        return out.toByteArray();
    }

    @Test
    void ratesReadBackWithThreeDecimals() {
        List<S1Record> records = readAll(bytes("s1-golden.txt"), FileType.S1);
        assertThat(records.get(0).appliedFeeRate()).isEqualTo(new BigDecimal("2.300"));
    }
}
