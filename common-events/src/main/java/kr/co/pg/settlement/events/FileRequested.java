package kr.co.pg.settlement.events;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The collector asks for one request file (R1 or S1) with these records {@code R}. What the file's header needs is
 * here too, so the gateway renders the same bytes from every delivery and the collector can re-create the file from
 * its event. The R1 and S1 events differ only in their records.
 */
public interface FileRequested<R> extends FileEvent {

    LocalDate fileDate();

    int fileSeq();

    /** The header's creation time (the kick-off's, so a re-run renders identical bytes). */
    LocalDateTime createdAt();

    List<R> records();

    /** Null in events written before it was carried (it is optional on the wire). */
    String kickoffId();
}
