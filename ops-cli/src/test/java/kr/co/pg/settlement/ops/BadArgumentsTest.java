package kr.co.pg.settlement.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.co.pg.settlement.ops.OpsTestSupport.Run;
import org.junit.jupiter.api.Test;

/** Bad arguments: one clear line on stderr, nothing on stdout, exit code 2. */
class BadArgumentsTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void unknownJob() {
        assertOneLine(OpsTestSupport.run(NO_ENV, "kickoff", "DIFF_SETTLEMENT", "--date", "2026-11-24"),
                "settlement: unknown job 'DIFF_SETTLEMENT': one of SUBMERCHANT_REGISTRATION_REQUEST,"
                        + " SUBMERCHANT_REGISTRATION_RESULT, DIFF_SETTLEMENT_REQUEST, DIFF_SETTLEMENT_RESULT");
    }

    @Test
    void badDate() {
        assertOneLine(OpsTestSupport.run(NO_ENV, "kickoff", "DIFF_SETTLEMENT_REQUEST", "--date", "2026-13-01"),
                "bad date '2026-13-01': expected a business date like 2026-11-24");
        assertOneLine(OpsTestSupport.run(NO_ENV, "report", "--date", "yesterday"), "bad date 'yesterday'");
    }

    @Test
    void missingDateAndUnknownCommand() {
        assertOneLine(OpsTestSupport.run(NO_ENV, "replay"), "Missing required option: '--date=YYYY-MM-DD'");
        assertOneLine(OpsTestSupport.run(NO_ENV, "settle"), "Unmatched argument at index 0: 'settle'");
    }

    @Test
    void unknownConsumerGroup() {
        Run run = OpsTestSupport.run(Map.of("KAFKA_BOOTSTRAP_SERVERS", OpsTestSupport.kafka()),
                "replay", "--date", "2026-11-24", "--group", "no-such-group");
        assertOneLine(run, "unknown consumer group 'no-such-group': not one of [settlement-collector,"
                + " settlement-kis-gateway, settlement-status-poller] and not on the cluster");
    }

    @Test
    void notADeadLetterTopic() {
        assertOneLine(OpsTestSupport.run(NO_ENV, "dlt", "list", "--topic", "settlement.kickoff.v1"),
                "'settlement.kickoff.v1' is not a dead-letter topic");
    }

    @Test
    void nothingConfiguredIsOneLineAndExitOne() {
        Run run = OpsTestSupport.run(NO_ENV, "tx", "T1");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("settlement: settlement database not configured: set"
                + " SETTLEMENT_DB_URL (and SETTLEMENT_DB_USER, SETTLEMENT_DB_PASSWORD) or --db-url (or --demo)");
    }

    @Test
    void thereIsNoPasswordFlag() {
        assertOneLine(OpsTestSupport.run(NO_ENV, "tx", "T1", "--db-password", "secret"),
                "Unknown options: '--db-password'");
    }

    private static void assertOneLine(Run run, String expected) {
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(expected).startsWith("settlement: ");
    }
}
