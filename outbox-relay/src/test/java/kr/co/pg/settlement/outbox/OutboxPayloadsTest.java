package kr.co.pg.settlement.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutboxPayloadsTest {

    private static byte[] json(int records) {
        StringBuilder b = new StringBuilder("{\"fileId\":\"S1-20250217-000001\",\"records\":[");
        for (int i = 1; i <= records; i++) {
            b.append("{\"seq\":").append(i).append(",\"transactionId\":\"T20250217").append(100000 + i)
                    .append("\",\"businessName\":\"늘솜책방 ").append(i % 97).append("호점\",\"amount\":").append(1000 * i)
                    .append("},");
        }
        return b.append("{}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLargePayloadIsStoredCompressedAndPublishedAsItWas() {
        byte[] file = json(10_000);
        byte[] stored = OutboxPayloads.stored(file);

        assertThat(OutboxPayloads.isCompressed(stored)).isTrue();
        assertThat(stored.length).isLessThan(file.length / 4);
        assertThat(OutboxPayloads.published(stored)).isEqualTo(file);
    }

    @Test
    void aSmallPayloadStaysPlainJson() {
        byte[] kickoff = "{\"kickoffId\":\"k\",\"job\":\"DIFF_SETTLEMENT_REQUEST\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(OutboxPayloads.stored(kickoff)).isSameAs(kickoff);
        assertThat(OutboxPayloads.published(kickoff)).isSameAs(kickoff);
    }

    @Test
    void theThresholdIsWhereCompressionStarts() {
        byte[] below = new byte[OutboxPayloads.COMPRESS_FROM_BYTES - 1];
        byte[] at = new byte[OutboxPayloads.COMPRESS_FROM_BYTES];
        Arrays.fill(below, (byte) '{');
        Arrays.fill(at, (byte) '{');

        assertThat(OutboxPayloads.isCompressed(OutboxPayloads.stored(below))).isFalse();
        assertThat(OutboxPayloads.isCompressed(OutboxPayloads.stored(at))).isTrue();
    }

    @Test
    void anyBytesSurviveTheRoundTrip() {
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            byte[] payload = new byte[random.nextInt(3 * OutboxPayloads.COMPRESS_FROM_BYTES)];
            random.nextBytes(payload);
            payload[0] = '{'; // a stored payload is JSON: it never starts with the gzip magic by itself
            assertThat(OutboxPayloads.published(OutboxPayloads.stored(payload))).isEqualTo(payload);
        }
    }

    @Test
    void aDamagedCompressedPayloadIsRefusedWithItsSize() {
        byte[] stored = OutboxPayloads.stored(json(1_000));
        byte[] damaged = Arrays.copyOf(stored, stored.length / 2);

        assertThatThrownBy(() -> OutboxPayloads.published(damaged))
                .isInstanceOf(OutboxRelayException.class)
                .hasMessageContaining(damaged.length + " bytes cannot be inflated");
    }
}
