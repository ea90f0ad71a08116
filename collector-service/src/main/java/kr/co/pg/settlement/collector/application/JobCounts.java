package kr.co.pg.settlement.collector.application;

/** What a request job did: files created, rows put into them, rows rejected locally, rows not eligible. */
public record JobCounts(int filesCreated, int rowsCollected, int rowsRejected, int rowsNotEligible) {

    public static final JobCounts NONE = new JobCounts(0, 0, 0, 0);

    public JobCounts plus(JobCounts o) {
        return new JobCounts(filesCreated + o.filesCreated, rowsCollected + o.rowsCollected,
                rowsRejected + o.rowsRejected, rowsNotEligible + o.rowsNotEligible);
    }
}
