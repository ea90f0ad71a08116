package kr.co.pg.settlement.kis.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TransportFailureTest {

    @Test
    void namesTheRootCauseWithoutAnHttpStatus() {
        Unavailable u = TransportFailure.unavailable(new IOException("read failed", new ConnectException("refused")));

        assertThat(u.httpStatus()).isZero();
        assertThat(u.detail()).isEqualTo("IOException: read failed (cause ConnectException: refused)");
    }

    @Test
    void tlsFailuresSayWhatToCheck() {
        Unavailable u = TransportFailure.unavailable(new IOException("x", new SSLHandshakeException("PKIX failed")));

        assertThat(u.detail()).startsWith("TLS handshake with KIS failed: check that kis.tls.trust-store")
                .endsWith("(cause SSLHandshakeException: PKIX failed)");
    }
}
