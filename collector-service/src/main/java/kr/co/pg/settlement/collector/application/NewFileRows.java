package kr.co.pg.settlement.collector.application;

import java.util.List;

/** The request rows of a file a collector has just created, written alike for R1 and S1 files. */
final class NewFileRows {

    /**
     * Inserts the file's request rows and moves their PG rows into the file ({@link RequestRows#markInFile}). All or
     * nothing: a row no longer in the status it was read in was changed by another run meanwhile, so the chunk is
     * rolled back and redone. {@code readIn}: the rows and that status, for the message.
     */
    static <R> void write(RequestRows<R, ?> rows, KisFiles.KisFile file, List<R> records, String readIn) {
        rows.insertRequests(file.fileId(), file.businessDate(), records);
        int marked = rows.markInFile(file.fileId());
        if (marked != records.size()) {
            throw new ConcurrentChangeException("file " + file.fileId() + ": " + marked + " of " + records.size()
                    + " " + readIn);
        }
    }

    private NewFileRows() {
    }
}
