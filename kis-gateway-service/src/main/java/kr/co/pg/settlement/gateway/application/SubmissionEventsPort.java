package kr.co.pg.settlement.gateway.application;

import kr.co.pg.settlement.gateway.domain.FileToSubmit;
import kr.co.pg.settlement.gateway.domain.UploadOutcome;

/** Publishes what KIS answered; each method returns only once the broker acknowledged the event. */
public interface SubmissionEventsPort {

    void submitted(FileToSubmit file, UploadOutcome.Accepted accepted);

    void refused(FileToSubmit file, UploadOutcome.Refused refused);
}
