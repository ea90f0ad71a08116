package kr.co.pg.settlement.kis.protocol;

/** Counts and control totals of the data records, as the trailer declares them. */
final class Totals {

    long count;
    long sumOfAmounts;
    long sumOfFeeAmounts;
    long accepted;
    long rejected;
    long sumOfDifferences;
    /** a sum left the range of long: it certainly does not fit its trailer field */
    boolean overflow;

    void addAmounts(long amount, long fee) {
        try {
            sumOfAmounts = Math.addExact(sumOfAmounts, amount);
            sumOfFeeAmounts = Math.addExact(sumOfFeeAmounts, fee);
        } catch (ArithmeticException e) {
            overflow = true;
        }
    }

    void addResult(boolean acceptedRecord, long difference) {
        if (acceptedRecord) {
            accepted++;
            try {
                sumOfDifferences = Math.addExact(sumOfDifferences, difference);
            } catch (ArithmeticException e) {
                overflow = true;
            }
        } else {
            rejected++;
        }
    }

    void copyFrom(Totals o) {
        count = o.count;
        sumOfAmounts = o.sumOfAmounts;
        sumOfFeeAmounts = o.sumOfFeeAmounts;
        accepted = o.accepted;
        rejected = o.rejected;
        sumOfDifferences = o.sumOfDifferences;
        overflow = o.overflow;
    }
}
