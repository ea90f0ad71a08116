package kr.co.pg.settlement.scheduler.adapter.out.holidays;

/** A holiday data file cannot be used; the message names the file, the line and the value at fault. */
public class HolidayFileException extends RuntimeException {

    HolidayFileException(String message) {
        super(message);
    }

    HolidayFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
