package kr.co.pg.settlement.poller.adapter.out.kis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The status label of a failed KIS call, read from the exceptions KisResultsAdapter raises. */
class KisCallMetricsTest {

    @Test
    void statusComesFromTheAdaptersMessages() {
        assertThat(KisCallMetrics.status(new KisTransientException("KIS 504 unavailable: timeout"))).isEqualTo("504");
        assertThat(KisCallMetrics.status(new KisTransientException("KIS unreachable: Connection refused")))
                .isEqualTo("unreachable");
        assertThat(KisCallMetrics.status(new IllegalStateException("KIS 404 E301 for receipt R1"))).isEqualTo("404");
        assertThat(KisCallMetrics.status(new IllegalStateException("KIS 401 E201: bad signature"))).isEqualTo("401");
        assertThat(KisCallMetrics.status(new KisTransientException("checksum mismatch downloading receipt X:"
                + " X-KIS-Content-SHA256 a, bytes hash to b"))).isEqualTo("other");
    }
}
