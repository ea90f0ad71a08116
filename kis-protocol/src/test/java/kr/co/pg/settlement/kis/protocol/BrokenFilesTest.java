package kr.co.pg.settlement.kis.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each deliberately broken file gives exactly the expected errors: line and field. */
class BrokenFilesTest {

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                broken("s1-broken-trailer-sum.txt", FileType.S1, "5:sumOfAmounts"),
                broken("s1-broken-trailer-count.txt", FileType.S1, "5:recordCount"),
                broken("s1-broken-record-length.txt", FileType.S1, "3:record"),
                broken("s1-broken-bare-lf.txt", FileType.S1, "2:line end"),
                broken("s1-broken-missing-crlf.txt", FileType.S1, "5:line end"),
                broken("s1-broken-after-trailer.txt", FileType.S1, "6:record"),
                broken("s1-broken-no-header.txt", FileType.S1, "1:recordType"),
                broken("s1-broken-no-trailer.txt", FileType.S1, "4:file"),
                broken("s1-broken-two-headers.txt", FileType.S1, "2:recordType"),
                broken("s1-broken-file-code.txt", FileType.S1, "1:fileCode"),
                broken("s1-broken-header-date.txt", FileType.S1, "1:fileDate"),
                broken("s1-broken-non-digit-amount.txt", FileType.S1, "2:amount"),
                broken("s1-broken-sign.txt", FileType.S1, "3:amount"),
                broken("s1-broken-negative-zero.txt", FileType.S1, "2:feeAmount", "5:sumOfFeeAmounts"),
                broken("s1-broken-date.txt", FileType.S1, "2:approvalDate"),
                broken("s1-broken-time.txt", FileType.S1, "3:approvalTime"),
                broken("s1-broken-sequence.txt", FileType.S1, "4:seq"),
                broken("s1-broken-card-company.txt", FileType.S1, "2:cardCompany"),
                broken("s1-broken-card-type.txt", FileType.S1, "2:cardType"),
                broken("s1-broken-transaction-type.txt", FileType.S1, "3:transactionType"),
                broken("s1-broken-card-number.txt", FileType.S1, "2:maskedCardNo"),
                broken("s1-broken-filler.txt", FileType.S1, "2:filler"),
                broken("s1-broken-cp949.txt", FileType.S1, "2:transactionId"),
                broken("s1-broken-rate.txt", FileType.S1, "2:appliedFeeRate"),
                broken("s1-broken-record-type.txt", FileType.S1, "3:recordType", "5:recordCount"),
                broken("s1-broken-many.txt", FileType.S1, "2:approvalDate", "3:cardType", "5:recordCount"),
                broken("s1-broken-empty.txt", FileType.S1, "1:file"),
                broken("s1-golden.txt", FileType.R1, "1:record", "2:record", "3:record", "4:record", "5:record"),
                broken("r1-broken-record-length.txt", FileType.R1, "2:record"),
                broken("r1-broken-request-type.txt", FileType.R1, "3:requestType"),
                broken("r1-broken-cut-hangul.txt", FileType.R1, "3:businessName"),
                broken("r1-broken-phone.txt", FileType.R1, "2:phone"),
                broken("r1-broken-receipt.txt", FileType.R1, "1:receiptNo"),
                broken("r2-broken-fee-tier.txt", FileType.R2, "2:feeTier"),
                broken("r2-broken-tier-on-rejected.txt", FileType.R2, "3:feeTier"),
                broken("r2-broken-trailer-counts.txt", FileType.R2, "5:registeredCount"),
                broken("r2-broken-missing-receipt.txt", FileType.R2, "1:receiptNo"),
                broken("s2-broken-trailer-sum.txt", FileType.S2, "5:sumOfDifferences"),
                broken("s2-broken-trailer-counts.txt", FileType.S2, "5:rejectedCount"),
                broken("s2-broken-payout-date.txt", FileType.S2, "2:payoutDate"));
    }

    @org.junit.jupiter.api.Test
    void anS2FileReadAsS1IsRefusedAtTheHeaderFileCode() {
        ReadResult<Object> result = KisFileReader.read(TestData.bytes("s2-golden.txt"), FileType.S1, r -> {
            throw new AssertionError("no record expected");
        });
        assertThat(result.errors().get(0).line()).isEqualTo(1);
        assertThat(result.errors().get(0).fieldName()).isEqualTo("fileCode");
        assertThat(result.errors().get(0).reason()).contains("expected a S1 file");
        assertThat(result.header()).isNull();
    }

    private static Arguments broken(String file, FileType type, String... lineAndField) {
        return Arguments.of(file, type, List.of(lineAndField));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("brokenFiles")
    void brokenFileGivesExactlyTheExpectedErrorsAndNoRecords(String file, FileType type, List<String> expected) {
        byte[] bytes = TestData.bytes(file);
        ReadResult<Object> result = KisFileReader.read(bytes, type, r -> {
            throw new AssertionError("no record may reach the handler of a broken file");
        });
        assertThat(result.valid()).isFalse();
        List<String> got = result.errors().stream().map(e -> e.line() + ":" + e.fieldName())
                .collect(Collectors.toList());
        assertThat(got).as(result.errors().toString()).containsExactlyInAnyOrderElementsOf(expected);
        for (LayoutError e : result.errors()) {
            assertThat(e.toString()).startsWith("line " + e.line() + ", field ");
            assertThat(e.reason()).isNotBlank();
        }
    }
}
