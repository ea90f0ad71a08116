package kr.co.pg.settlement.collector.application;

import java.util.List;
import kr.co.pg.settlement.collector.domain.LocalRejection;
import kr.co.pg.settlement.collector.domain.SubMerchantCandidate;
import kr.co.pg.settlement.events.RegistrationFileRequested.Registration;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;

/** Port: sub_merchant registration columns and registration_request (rows REQUESTED, SENT, then KIS's result). */
public interface RegistrationStore extends RequestRows<Registration, RegistrationResult> {

    record Rejected(SubMerchantCandidate candidate, LocalRejection rejection) {
    }

    /** Sub-merchants in NONE/CHANGED/CLOSE_PENDING with an id after {@code afterId}, by id. */
    List<SubMerchantCandidate> candidatesAfter(String afterId, int limit);

    /** Sets REJECTED with the local code, guarded by the status the row was read in; @return rows changed. */
    int rejectLocally(List<Rejected> rejected);
}
