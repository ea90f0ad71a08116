package kr.co.pg.settlement.kis.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderTest {

    @TempDir
    Path dir;

    @Test
    void errorMessagesNameLineFieldPositionsAndValue() {
        ReadResult<Object> r = KisFileReader.validate(TestData.bytes("s1-broken-non-digit-amount.txt"), FileType.S1)
                .valid() ? null : KisFileReader.read(TestData.bytes("s1-broken-non-digit-amount.txt"), FileType.S1,
                x -> { });
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).toString()).isEqualTo("line 2, field amount (pos 132-145): value "
                + "'+0000000A12340': not a signed amount: digits expected after the sign");
        assertThat(r.header()).isEqualTo(Samples.header(FileType.S1));
        assertThat(r.recordCount()).isEqualTo(3);
    }

    @Test
    void trailerMismatchGivesDeclaredAndComputed() {
        LayoutError e = KisFileReader.validate(TestData.bytes("s1-broken-trailer-sum.txt"), FileType.S1).errors()
                .get(0);
        assertThat(e.reason()).contains("declares 999999").contains("has 84999");
        assertThat(e.value()).isEqualTo("+000000000999999");
    }

    @Test
    void aFullCardNumberInAFileIsRedactedInTheError() {
        LayoutError e = KisFileReader.validate(TestData.bytes("s1-broken-card-number.txt"), FileType.S1).errors()
                .get(0);
        assertThat(e.value()).startsWith("543210").contains("9876").doesNotContain("5432101234569876");
    }

    @Test
    void undecodableBytesAreShownEscaped() {
        LayoutError e = KisFileReader.validate(TestData.bytes("s1-broken-cp949.txt"), FileType.S1).errors().get(0);
        assertThat(e.value()).startsWith("\\xFF\\xFE");
        assertThat(e.reason()).contains("CP949");
    }

    @Test
    void errorListIsCappedWithAFinalMoreEntry() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            sb.append("garbage\r\n");
        }
        ReadResult<Void> r = KisFileReader.validate(sb.toString().getBytes(StandardCharsets.US_ASCII), FileType.S1);
        assertThat(r.errors()).hasSize(1001);
        LayoutError last = r.errors().get(1000);
        assertThat(last.reason()).startsWith("... ").contains("more errors");
    }

    @Test
    void pathVariantStreamsBothPassesAndDeliversInOrder() throws IOException {
        Path file = dir.resolve("s1.txt");
        Files.write(file, TestData.bytes("s1-golden.txt"));
        List<S1Record> got = new ArrayList<>();
        ReadResult<S1Record> r = KisFileReader.read(file, FileType.S1, got::add);
        assertThat(r.valid()).isTrue();
        assertThat(got).isEqualTo(Samples.s1Records());
        assertThat(r.trailer()).isEqualTo(new Trailer(3, 84_999L, 2_395L, null, null, null));
    }

    @Test
    void aLineLongerThanTheBufferIsOneLengthErrorWithBoundedMemory() {
        byte[] golden = TestData.bytes("s1-golden.txt");
        byte[] huge = new byte[300_000];
        Arrays.fill(huge, (byte) 'D');
        byte[] file = new byte[202 + huge.length + golden.length - 202];
        System.arraycopy(golden, 0, file, 0, 202);
        System.arraycopy(huge, 0, file, 202, huge.length);
        System.arraycopy(golden, 202, file, 202 + huge.length, golden.length - 202);
        ReadResult<Void> r = KisFileReader.validate(file, FileType.S1);
        assertThat(r.errors()).extracting(LayoutError::line, LayoutError::fieldName).contains(
                org.assertj.core.groups.Tuple.tuple(2, "record"));
        assertThat(r.errors().get(0).reason()).contains("is 300200 bytes");
    }

    @Test
    void missingFileAndHandlerFailuresAreTyped() {
        assertThatThrownBy(() -> KisFileReader.read(dir.resolve("absent.txt"), FileType.S1, x -> { }))
                .isInstanceOf(KisReadException.class).hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> KisFileReader.read(TestData.bytes("s1-golden.txt"), FileType.S1, x -> {
            throw new Exception("downstream refused");
        })).isInstanceOf(KisReadException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> KisFileReader.read(TestData.bytes("s1-golden.txt"), FileType.S1, x -> {
            throw new IllegalStateException("mine");
        })).isInstanceOf(IllegalStateException.class).hasMessage("mine");
    }

    @Test
    void aCrWithoutLfAtTheEndIsReported() {
        byte[] golden = TestData.bytes("r1-empty.txt");
        byte[] cut = Arrays.copyOf(golden, golden.length - 1);
        ReadResult<Void> r = KisFileReader.validate(cut, FileType.R1);
        assertThat(r.errors()).extracting(LayoutError::line, LayoutError::fieldName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "line end"));
    }
}
