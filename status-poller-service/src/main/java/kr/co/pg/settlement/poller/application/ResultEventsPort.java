package kr.co.pg.settlement.poller.application;

import java.util.List;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;
import kr.co.pg.settlement.events.SettlementResultsReceived.SettlementResult;
import kr.co.pg.settlement.poller.domain.PendingReceipt;

/** Publishes results and failures; every method returns only once the broker acknowledged the event. */
public interface ResultEventsPort {

    void registrationResults(PendingReceipt receipt, int part, int partCount, List<RegistrationResult> results);

    void settlementResults(PendingReceipt receipt, int part, int partCount, List<SettlementResult> results);

    /** KIS could not process the file: its records must be sent again (resendable). */
    void fileFailed(PendingReceipt receipt, String kisMessage);
}
