package kr.co.pg.settlement.opsconsole.application;

/** Another service (collector, scheduler) could not answer; the message says which, where and what to check. */
public class ServiceUnavailable extends RuntimeException {

    public ServiceUnavailable(String message) {
        super(message);
    }
}
