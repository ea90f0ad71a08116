package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import kr.co.pg.settlement.kis.protocol.FileType;

/** Port: hands out file sequences per (file type, file date), each once, in a short transaction of its own. */
public interface FileSequences {

    /** The next unused sequence, above every file already created for (type, date); committed at once. */
    int reserve(FileType fileType, LocalDate fileDate);

    /**
     * {@code count} consecutive unused sequences in the CALLER's transaction (rolled back with it); @return the first.
     */
    int reserveBlock(FileType fileType, LocalDate fileDate, int count);
}
