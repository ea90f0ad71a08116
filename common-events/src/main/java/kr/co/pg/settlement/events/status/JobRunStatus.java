package kr.co.pg.settlement.events.status;

/** {@code job_run.status}: a DONE kick-off is never run again; RUNNING or FAILED (crash, error) runs again. */
public enum JobRunStatus {
    RUNNING, DONE, FAILED
}
