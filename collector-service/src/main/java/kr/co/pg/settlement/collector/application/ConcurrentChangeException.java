package kr.co.pg.settlement.collector.application;

/** A guarded update changed fewer rows than read: another run got there first. The chunk is rolled back and redone. */
class ConcurrentChangeException extends RuntimeException {

    ConcurrentChangeException(String message) {
        super(message);
    }
}
