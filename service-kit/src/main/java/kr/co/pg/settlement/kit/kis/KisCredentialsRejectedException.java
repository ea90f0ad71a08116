package kr.co.pg.settlement.kit.kis;

/** KIS answered 401: our client id, secret or clock is wrong. Counted by the circuit breaker, never retried fast. */
public class KisCredentialsRejectedException extends RuntimeException {

    public KisCredentialsRejectedException(String message) {
        super(message, null, false, false);
    }
}
