package kr.co.pg.settlement.system.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void defaultsAreFiftyThousandSubMerchantsOneInstanceNoProfileTwentyPercentCheckCards() {
        assertThat(BenchmarkOptions.parse(Map.of("benchmark", "1000000")))
                .isEqualTo(new BenchmarkOptions(1_000_000, 50_000, 1, false, 20));
    }

    @Test
    void everyOptionIsRead() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("benchmark", "20_000");
        args.put("sub-merchants", "2,000");
        args.put("instances", "2");
        args.put("profile", "");

        assertThat(BenchmarkOptions.parse(args)).isEqualTo(new BenchmarkOptions(20_000, 2_000, 2, true, 20));
    }

    @Test
    void typosAndBadNumbersAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(Map.of("benchmark", "1000", "instance", "2")))
                .hasMessageContaining("--instance").hasMessageContaining("--instances=1|2");
        assertThatThrownBy(() -> BenchmarkOptions.parse(Map.of("benchmark", "1e6")))
                .hasMessageContaining("'1e6'");
        assertThatThrownBy(() -> BenchmarkOptions.parse(Map.of("benchmark", "")))
                .hasMessageContaining("--benchmark needs a whole number");
        assertThatThrownBy(() -> BenchmarkOptions.parse(Map.of("benchmark", "1000", "instances", "0")))
                .hasMessageContaining("--instances");
        assertThatThrownBy(() -> BenchmarkOptions.parse(Map.of("benchmark", "1000", "profile", "yes")))
                .hasMessageContaining("--profile");
    }
}
