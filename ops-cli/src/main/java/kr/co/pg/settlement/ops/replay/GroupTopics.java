package kr.co.pg.settlement.ops.replay;

import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.events.Topics;

/**
 * The topics each service's consumer group reads (its @KafkaListener topics). Replay moves these even when the group
 * has committed nothing on one of them yet; topics found in the group's committed offsets are added to them.
 */
final class GroupTopics {

    static final Map<String, List<String>> KNOWN = Map.of(
            // the collector reads its own file-requested topics back (its file ledger: re-creates files a restore lost)
            ConsumerGroups.COLLECTOR, List.of(Topics.KICKOFF, Topics.SETTLEMENT_SLICE_REQUESTED, Topics.FILE_SUBMITTED,
                    Topics.FILE_FAILED, Topics.REGISTRATION_RESULTS, Topics.SETTLEMENT_RESULTS,
                    Topics.REGISTRATION_FILE_REQUESTED, Topics.SETTLEMENT_FILE_REQUESTED),
            ConsumerGroups.GATEWAY, List.of(Topics.REGISTRATION_FILE_REQUESTED, Topics.SETTLEMENT_FILE_REQUESTED),
            ConsumerGroups.POLLER, List.of(Topics.KICKOFF, Topics.FILE_SUBMITTED));

    static final List<String> DEFAULT_GROUPS = List.of(ConsumerGroups.COLLECTOR, ConsumerGroups.GATEWAY,
            ConsumerGroups.POLLER);

    private GroupTopics() {
    }
}
