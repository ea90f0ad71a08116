package kr.co.pg.settlement.scheduler.application;

/** The holiday calendar has no data for a year, so nobody can tell whether a date of it is a business day. */
public class HolidayYearMissingException extends RuntimeException {

    private final int year;

    public HolidayYearMissingException(int year, String where) {
        super("no public holiday data for " + year + ": add " + year + ".txt (lines 'yyyy-MM-dd name') to " + where
                + " and restart the scheduler");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
