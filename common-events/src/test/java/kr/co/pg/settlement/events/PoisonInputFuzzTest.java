package kr.co.pg.settlement.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The property the consumers' error handling relies on: whatever bytes arrive, reading them either succeeds or
 * throws {@link InvalidEventException} (dead-lettered at once). Any other exception would be retried for ever and
 * block the partition. Mutations of valid messages (byte flips, cuts, insertions, field swaps), seeded.
 */
class PoisonInputFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneId.of("Asia/Seoul"));
    private static final String[] TOKENS = {"null", "\"\"", "-1", "1e999", "[]", "{}", "\"\\u0000\"", "true",
            "\"2026-02-30\"", "\"" + "x".repeat(300) + "\"", "99999999999999999999999", "\"\uD83D\uDE00\""};

    private static List<byte[]> mutations(String valid, long seed, int count) {
        Random random = new Random(seed);
        byte[] base = valid.getBytes(StandardCharsets.UTF_8);
        List<byte[]> out = new ArrayList<>();
        out.add(null);
        out.add(new byte[0]);
        for (int i = 0; i < count; i++) {
            byte[] b = base.clone();
            switch (random.nextInt(4)) {
                case 0 -> {
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
                case 2 -> {
                    int at = random.nextInt(b.length);
                    String s = new String(b, StandardCharsets.UTF_8);
                    b = (s.substring(0, Math.min(at, s.length())) + TOKENS[random.nextInt(TOKENS.length)]
                            + s.substring(Math.min(at, s.length()))).getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    // replace one value with a token of another type
                    String s = new String(b, StandardCharsets.UTF_8);
                    String[] parts = s.split(":", -1);
                    int field = 1 + random.nextInt(parts.length - 1);
                    int end = parts[field].indexOf(',');
                    parts[field] = TOKENS[random.nextInt(TOKENS.length)] + (end < 0 ? "}" : parts[field].substring(end));
                    b = String.join(":", parts).getBytes(StandardCharsets.UTF_8);
                }
            }
            out.add(b);
        }
        return out;
    }

    private static int[] run(List<byte[]> inputs, Consumer<byte[]> reader) {
        int[] outcome = new int[2];
        for (byte[] input : inputs) {
            try {
                reader.accept(input);
                outcome[0]++;
            } catch (InvalidEventException e) {
                assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(2_000);
                outcome[1]++;
            } catch (RuntimeException e) {
                throw new AssertionError("input " + (input == null ? "null"
                        : "'" + new String(input, StandardCharsets.UTF_8) + "'") + " threw " + e, e);
            }
        }
        return outcome;
    }

    @Test
    void everyMutatedKickoffIsReadOrInvalid() {
        String valid = "{\"kickoffId\":\"0b6f3c1e-5d7a-4b0e-9a51-2f3c8e9d1a77\",\"job\":\"DIFF_SETTLEMENT_REQUEST\","
                + "\"businessDate\":\"2026-11-24\",\"requestedAt\":\"2026-11-24T07:15:00+09:00\",\"requestedBy\":\"scheduler\"}";
        int[] outcome = run(mutations(valid, 20261127L, 3_000), v -> {
            KickoffRequested k = KickoffParser.parse(v, CLOCK, 31);
            assertThat(k.kickoffId()).hasSizeBetween(1, 64).matches("[\\x21-\\x7E]+");
            assertThat(k.job()).isNotNull();
            assertThat(k.businessDate()).isBetween(KickoffParser.EARLIEST_BUSINESS_DATE, java.time.LocalDate.of(2026, 12, 28));
        });
        assertThat(outcome[1]).as("most mutations are invalid").isGreaterThan(600);
    }

    @Test
    void everyMutatedFileEventIsReadOrInvalid() {
        String submitted = new String(EventJson.write(new FileSubmitted("submitted:S1-20261124-000001",
                java.time.LocalDate.of(2026, 11, 24), "S1-20261124-000001", "S1", java.time.LocalDate.of(2026, 11, 24),
                1, "R0000000000000000001", 3, Instant.parse("2026-11-24T00:00:00Z"))), StandardCharsets.UTF_8);
        String failed = new String(EventJson.write(new FileFailed("failed:S1-20261124-000001:-",
                java.time.LocalDate.of(2026, 11, 24), "S1-20261124-000001", "S1", null, "E409", "dup", 3, false,
                Instant.parse("2026-11-24T00:00:00Z"))), StandardCharsets.UTF_8);
        run(mutations(submitted, 1L, 1_500), v -> EventJson.read(v, FileSubmitted.class));
        run(mutations(failed, 2L, 1_500), v -> EventJson.read(v, FileFailed.class));
        run(mutations(submitted, 3L, 500), v -> EventJson.read(v, SettlementResultsReceived.class));
        run(mutations(failed, 4L, 500), v -> EventJson.read(v, RegistrationResultsReceived.class));
    }
}
