package kr.co.pg.settlement.events;

import java.time.Duration;
import java.util.List;

/**
 * Every topic of the system, in one place. Business topics keep their events for
 * {@link #RETENTION} so any day can be replayed (events.md, "Replay of a day").
 */
public final class Topics {

    /** Public contract (events.md): key = job name, value = {@link KickoffRequested} JSON. */
    public static final String KICKOFF = "settlement.kickoff.v1";

    /** collector -> gateway: one event = one R1 file to render and upload. Key: file id. */
    public static final String REGISTRATION_FILE_REQUESTED = "settlement.registration.file-requested.v1";
    /** collector -> gateway: one event = one S1 file to render and upload. Key: file id. */
    public static final String SETTLEMENT_FILE_REQUESTED = "settlement.diff.file-requested.v1";
    /**
     * collector -> collector (any instance of the group): one slice of a DIFF_SETTLEMENT_REQUEST kick-off's
     * candidates to collect. Key: kick-off id and slice number. Its partitions bound how many collector
     * consumers collect one day at once.
     */
    public static final String SETTLEMENT_SLICE_REQUESTED = "settlement.diff.slice-requested.v1";
    /** gateway -> collector, poller: KIS accepted a file (202 or 200). Key: file id. */
    public static final String FILE_SUBMITTED = "settlement.file.submitted.v1";
    /** gateway, poller -> collector: KIS refused a file (409/422/413) or could not process it (FAILED). Key: file id. */
    public static final String FILE_FAILED = "settlement.file.failed.v1";
    /** poller -> collector: validated R2 records, in parts. Key: file id. */
    public static final String REGISTRATION_RESULTS = "settlement.registration.results.v1";
    /** poller -> collector: validated S2 records, in parts. Key: file id. */
    public static final String SETTLEMENT_RESULTS = "settlement.diff.results.v1";

    /** Dead letters, one topic per consuming service; the original topic is in the record headers. */
    public static final String DLT_COLLECTOR = "settlement.dlt.collector.v1";
    public static final String DLT_GATEWAY = "settlement.dlt.gateway.v1";
    public static final String DLT_POLLER = "settlement.dlt.poller.v1";

    public static final Duration RETENTION = Duration.ofDays(14);
    /** File events carry whole files' records; the broker must take them (compressed). */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    public record TopicSpec(String name, int partitions) {
    }

    public static List<TopicSpec> all() {
        return List.of(
                new TopicSpec(KICKOFF, 4),
                new TopicSpec(REGISTRATION_FILE_REQUESTED, 6),
                new TopicSpec(SETTLEMENT_FILE_REQUESTED, 6),
                new TopicSpec(SETTLEMENT_SLICE_REQUESTED, 8),
                new TopicSpec(FILE_SUBMITTED, 6),
                new TopicSpec(FILE_FAILED, 6),
                new TopicSpec(REGISTRATION_RESULTS, 6),
                new TopicSpec(SETTLEMENT_RESULTS, 6),
                new TopicSpec(DLT_COLLECTOR, 1),
                new TopicSpec(DLT_GATEWAY, 1),
                new TopicSpec(DLT_POLLER, 1));
    }

    private Topics() {
    }
}
