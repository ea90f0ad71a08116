package kr.co.pg.settlement.scheduler.application;

/**
 * Whether the leadership granted is still known to be held right now. A leader that was frozen (long pause) or cut
 * off from its group for longer than allowed may have been replaced without having been told yet: it must not send.
 */
@FunctionalInterface
public interface LeadershipLease {

    boolean isCurrent();
}
