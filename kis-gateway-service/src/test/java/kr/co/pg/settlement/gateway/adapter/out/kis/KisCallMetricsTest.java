package kr.co.pg.settlement.gateway.adapter.out.kis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The status label of a failed KIS call, read from the exceptions KisUploadAdapter raises. */
class KisCallMetricsTest {

    @Test
    void statusComesFromTheAdaptersMessages() {
        assertThat(KisCallMetrics.status(new KisTransientException("KIS 503 unavailable: down", null))).isEqualTo("503");
        assertThat(KisCallMetrics.status(new KisTransientException("KIS 429 rate limited, waited Retry-After PT1S",
                Duration.ofSeconds(1)))).isEqualTo("429");
        assertThat(KisCallMetrics.status(new KisTransientException("KIS unreachable: Connection refused", null)))
                .isEqualTo("unreachable");
        assertThat(KisCallMetrics.status(new KisTransientException("unexpected KIS answer 500: oops", null)))
                .isEqualTo("500");
        assertThat(KisCallMetrics.status(new KisCredentialsRejectedException("KIS 401 E201: bad signature")))
                .isEqualTo("401");
        assertThat(KisCallMetrics.status(new IllegalStateException("something else"))).isEqualTo("other");
        assertThat(KisCallMetrics.status(new IllegalStateException())).isEqualTo("other");
    }
}
