package kr.co.pg.settlement.ops;

import java.util.Map;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.status.DiffStatus;
import kr.co.pg.settlement.events.status.KisRegStatus;

/**
 * The request rows a job works on, one definition for the CLI and the ops console: registration jobs the
 * registration_request rows of R1 files, settlement jobs the settlement_request rows of S1 files; REQUESTED or
 * COLLECTED rows and SENT rows still wait for KIS.
 */
public final class JobRequests {

    private JobRequests() {
    }

    public static boolean registration(Job job) {
        return job == Job.SUBMERCHANT_REGISTRATION_REQUEST || job == Job.SUBMERCHANT_REGISTRATION_RESULT;
    }

    public static String fileType(Job job) {
        return registration(job) ? "R1" : "S1";
    }

    /**
     * status, COUNT(*) of the request rows in the job's kind of files of a business date (the one parameter), by
     * status: index-friendly (files by business_date, then their rows by file id).
     */
    public static String countByStatusOfDateSql(Job job) {
        return "SELECT r.status, COUNT(*) FROM kis_file f JOIN "
                + (registration(job) ? "registration_request" : "settlement_request")
                + " r ON r.file_id = f.file_id WHERE f.business_date = ? AND f.file_type = '" + fileType(job) + "'"
                + " GROUP BY r.status ORDER BY r.status";
    }

    /** Rows still waiting for KIS, of the counts by status {@link #countByStatusOfDateSql} gives. */
    public static long open(Job job, Map<String, Long> countByStatus) {
        String requested = registration(job) ? KisRegStatus.REQUESTED.name() : DiffStatus.COLLECTED.name();
        return countByStatus.getOrDefault(requested, 0L) + countByStatus.getOrDefault(DiffStatus.SENT.name(), 0L);
    }
}
