package kr.co.pg.settlement.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.ops.SettlementCli;
import kr.co.pg.settlement.system.demo.DemoDataGenerator;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Reprocessing a day after a database restore: the settlement and poller databases are restored from a backup taken
 * before the day's jobs ran (or after the day's S1 files were SENT, before their results), and the day is replayed
 * from the topics with {@code settlement replay --date D --execute} (the ops-cli, in process). The day must end
 * exactly as KIS decided it the first time, and KIS must see nothing twice.
 * <p>
 * From before the day's jobs, the kick-offs are replayed against a database that has none of the day's files: the
 * collector first re-creates the files it decided from its file-requested topics (FileLedger) and applies the
 * registration results published before each kick-off (DecisionBarrier), so each run decides as the first time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreReplayE2eTest extends SystemE2eSupport {

    static final LocalDate DAY = LocalDate.of(2025, 2, 17);
    static final String BEFORE_JOBS = "before_jobs";
    static final String AFTER_SENT = "after_sent";

    static DatabaseCopy copies;
    static Map<String, List<String>> firstRun;
    static Map<String, Integer> firstS1;
    static Map<String, Integer> firstR1;
    static int firstKisFiles;

    @BeforeAll
    static void runTheDayOnce() throws Exception {
        startSystem(10, 40); // several R1 and S1 files
        SystemStack.Options o = stack.options();
        copies = new DatabaseCopy(o.dbHost(), o.dbPort(), o.dbUser(), o.dbPassword());
        DemoDataGenerator data = new DemoDataGenerator(db.dataSource(), 20250217L);
        // three fail the local checks (L101-L103); KIS gives the others tiers SMALL..GENERAL (N001 for GENERAL)
        List<String> subMerchants = data.insertSubMerchants("RR", 1, 24, true).stream()
                .map(DemoDataGenerator.SubMerchant::id).toList();
        // the week before the day and the day itself (approved on D: not yet due, stays NONE); cancels, N002, N003
        data.insertTransactions(subMerchants, "RT", 1, 300, DAY.minusDays(7), DAY.plusDays(1));
        backup(BEFORE_JOBS);

        String registration = kickoffs.send(Job.SUBMERCHANT_REGISTRATION_REQUEST, DAY);
        awaitJobDone(registration);
        kickoffs.send(Job.SUBMERCHANT_REGISTRATION_RESULT, DAY);
        awaitNoSubMerchantIn("NONE", "REQUESTED", "SENT");

        // the poller stopped: the S1 files are uploaded (SENT) but no result comes back before the second backup
        stack.stopPoller();
        String settlement = kickoffs.send(Job.DIFF_SETTLEMENT_REQUEST, DAY);
        awaitJobDone(settlement);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                db.count("SELECT COUNT(*) FROM payment_transaction WHERE diff_status = 'COLLECTED'") == 0);
        backup(AFTER_SENT);
        stack.startPoller();
        kickoffs.send(Job.DIFF_SETTLEMENT_RESULT, DAY);
        awaitNoTransactionIn("COLLECTED", "SENT");
        awaitCaughtUp(0, 0, 0);

        firstRun = TableSnapshot.take(db);
        firstS1 = simulator.receivedCounts("S1");
        firstR1 = simulator.receivedCounts("R1");
        firstKisFiles = simulator.files().size();
    }

    @Test
    @Order(1)
    void theFirstRunIsADayWithEveryKindOfOutcome() {
        assertThat(db.count("SELECT COUNT(*) FROM payment_transaction WHERE diff_status = 'SETTLED'")).isGreaterThan(50);
        assertThat(db.count("SELECT COUNT(*) FROM payment_transaction WHERE diff_status = 'NOT_ELIGIBLE'")).isPositive();
        assertThat(db.count("SELECT COUNT(*) FROM payment_transaction WHERE diff_status = 'NONE'")).isPositive();
        assertThat(db.count("SELECT COUNT(*) FROM sub_merchant WHERE kis_reg_result_code LIKE 'L10_'")).isEqualTo(3);
        assertThat(db.count("SELECT COUNT(*) FROM kis_file WHERE file_type = 'S1'")).isGreaterThan(1);
        assertThat(db.count("SELECT COUNT(*) FROM kis_file WHERE file_type = 'R1'")).isGreaterThan(1);
        assertThat(firstS1.values()).containsOnly(1);
        assertThat(firstR1.values()).containsOnly(1);
        assertThat(firstS1).hasSize((int) db.count("SELECT COUNT(*) FROM settlement_request"));
        assertThat(db.count("SELECT COUNT(*) FROM payment_transaction WHERE diff_result_code = 'E202'")).isZero();
    }

    @Test
    @Order(2)
    void replayRefusesWhileTheServicesRun() {
        long committed = offsets.committedTotal(ConsumerGroups.COLLECTOR);
        StringWriter err = new StringWriter();
        int exit = replay(new StringWriter(), err, "--execute");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("active member").contains("stop its service before replaying");
        assertThat(offsets.committedTotal(ConsumerGroups.COLLECTOR)).isEqualTo(committed);
    }

    @Test
    @Order(3)
    void restoredFromBeforeTheDaysJobsAndReplayedTheDayEndsAsKisDecided() {
        stopServicesReplayAndStart(BEFORE_JOBS);

        assertTheDayEndsAsKisDecided();
    }

    @Test
    @Order(4)
    void restoredFromAfterTheFilesWereSentAndReplayedTheDayEndsAsKisDecided() {
        stopServicesReplayAndStart(AFTER_SENT);

        assertTheDayEndsAsKisDecided();
    }

    /** Stops the services, restores the backup, replays DAY with the ops-cli, starts them. */
    private static void stopServicesReplayAndStart(String backup) {
        long collector = offsets.committedTotal(ConsumerGroups.COLLECTOR);
        long gateway = offsets.committedTotal(ConsumerGroups.GATEWAY);
        long poller = offsets.committedTotal(ConsumerGroups.POLLER);
        stack.stopPoller();
        stack.stopGateway();
        stack.stopCollector();
        SystemStack.Options o = stack.options();
        copies.copy(o.settlementDatabase() + "_" + backup, o.settlementDatabase());
        copies.copy(o.pollerDatabase() + "_" + backup, o.pollerDatabase());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = replay(out, err, "--execute");
        assertThat(exit).as("settlement replay: %s%s", out, err).isZero();
        assertThat(out.toString()).contains("moved ");
        stack.startCollector();
        stack.startGateway();
        stack.startPoller();
        awaitCaughtUp(collector, gateway, poller);
    }

    /**
     * Waits until the day is finished again (nothing in flight, every group caught up), at most 60 s: a day that
     * never finishes is reported by the comparisons below, with the rows that differ.
     */
    private static void assertTheDayEndsAsKisDecided() {
        String settled = "finished";
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    db.count("SELECT COUNT(*) FROM payment_transaction WHERE diff_status IN ('COLLECTED','SENT')") == 0
                            && db.count("SELECT COUNT(*) FROM sub_merchant WHERE kis_reg_status IN"
                            + " ('NONE','REQUESTED','SENT')") == 0
                            && offsets.lag(ConsumerGroups.COLLECTOR) == 0 && offsets.lag(ConsumerGroups.GATEWAY) == 0
                            && offsets.lag(ConsumerGroups.POLLER) == 0);
        } catch (ConditionTimeoutException e) {
            settled = "NOT finished within 60 s: sub-merchants " + db.subMerchantsByStatus() + ", transactions "
                    + db.transactionsByStatus();
        }
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(settled).as("the replayed day").isEqualTo("finished");
        soft.assertThat(TableSnapshot.differences(firstRun, TableSnapshot.take(db)))
                .as("every row as KIS decided it the first time").isEmpty();
        soft.assertThat(simulator.receivedCounts("S1")).as("each transaction in exactly one accepted S1 file at KIS")
                .isEqualTo(firstS1);
        soft.assertThat(simulator.receivedCounts("R1")).as("each sub-merchant in exactly one accepted R1 file at KIS")
                .isEqualTo(firstR1);
        soft.assertThat(simulator.files()).as("files KIS accepted").hasSize(firstKisFiles);
        soft.assertThat(db.dump("SELECT transaction_id FROM payment_transaction WHERE diff_result_code = 'E202'"))
                .as("rows REJECTED E202 (already paid)").isEmpty();
        soft.assertAll();
    }

    private static void backup(String name) {
        SystemStack.Options o = stack.options();
        copies.copy(o.settlementDatabase(), o.settlementDatabase() + "_" + name);
        copies.copy(o.pollerDatabase(), o.pollerDatabase() + "_" + name);
    }

    /** {@code settlement replay --date DAY ...} through the ops-cli's picocli entry point. */
    private static int replay(StringWriter out, StringWriter err, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "replay";
        args[1] = "--date";
        args[2] = DAY.toString();
        args[3] = "--kafka=" + stack.options().kafkaBootstrap();
        System.arraycopy(more, 0, args, 4, more.length);
        return SettlementCli.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Every group has consumed everything (lag 0) and is back at least where it was before a replay. */
    private static void awaitCaughtUp(long collector, long gateway, long poller) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                offsets.committedTotal(ConsumerGroups.COLLECTOR) >= collector
                        && offsets.committedTotal(ConsumerGroups.GATEWAY) >= gateway
                        && offsets.committedTotal(ConsumerGroups.POLLER) >= poller
                        && offsets.lag(ConsumerGroups.COLLECTOR) == 0 && offsets.lag(ConsumerGroups.GATEWAY) == 0
                        && offsets.lag(ConsumerGroups.POLLER) == 0);
    }
}
