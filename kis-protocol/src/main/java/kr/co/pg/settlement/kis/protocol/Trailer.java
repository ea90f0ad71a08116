package kr.co.pg.settlement.kis.protocol;

/**
 * The T record. Fields a file type does not have are null: R1 has only the count; R2 has acceptedCount
 * (registered, result 0000) and rejectedCount; S1 has the two sums; S2 has the counts and sumOfDifferences.
 */
public record Trailer(int recordCount, Long sumOfAmounts, Long sumOfFeeAmounts, Integer acceptedCount,
                      Integer rejectedCount, Long sumOfDifferences) {
}
