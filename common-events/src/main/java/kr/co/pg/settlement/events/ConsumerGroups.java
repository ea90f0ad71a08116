package kr.co.pg.settlement.events;

/** Every consumer group of the system, in one place (the README's topic table lists them too). */
public final class ConsumerGroups {

    /**
     * Kick-offs of the two *_REQUEST jobs; slices; file submitted/failed; registration and settlement results; its own
     * file-requested events read back (re-creates a file a database restore lost).
     */
    public static final String COLLECTOR = "settlement-collector";
    /** Registration and settlement file-requested events. */
    public static final String GATEWAY = "settlement-kis-gateway";
    /** Kick-offs of the two *_RESULT jobs; file submitted events (pending receipts). */
    public static final String POLLER = "settlement-status-poller";

    private ConsumerGroups() {
    }
}
