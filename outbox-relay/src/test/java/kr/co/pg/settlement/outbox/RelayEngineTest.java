package kr.co.pg.settlement.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelayEngineTest {

    @Test
    void restartDelayDoublesFromOneSecondToAMinute() {
        assertThat(RelayEngine.restartDelay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RelayEngine.restartDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RelayEngine.restartDelay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RelayEngine.restartDelay(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(RelayEngine.restartDelay(50)).isEqualTo(Duration.ofSeconds(60));
    }
}
