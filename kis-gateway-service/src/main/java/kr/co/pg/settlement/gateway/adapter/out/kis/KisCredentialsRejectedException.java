package kr.co.pg.settlement.gateway.adapter.out.kis;

/**
 * 401 K401: KIS refused our signature or client id (or the clocks are over 300 s apart). A configuration problem
 * an operator must fix (kis.client-id, KIS_SECRET, NTP); the event stays uncommitted and is retried with backoff.
 */
public class KisCredentialsRejectedException extends RuntimeException {

    KisCredentialsRejectedException(String message) {
        super(message, null, false, false);
    }
}
