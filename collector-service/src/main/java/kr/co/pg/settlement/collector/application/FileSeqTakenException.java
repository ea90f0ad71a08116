package kr.co.pg.settlement.collector.application;

/** The file sequence reserved for a chunk was taken by another transaction meanwhile. */
public class FileSeqTakenException extends RuntimeException {

    public FileSeqTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
