package kr.co.pg.settlement.kis.client;

import java.net.URI;
import java.time.Clock;
import java.util.function.Consumer;
import kr.co.pg.settlement.kis.protocol.KisSigner;
import org.springframework.http.HttpHeaders;

/**
 * Adds the HMAC headers of kis-interface.md to each request, with the key in force at send time: a key file
 * rotated while the service runs is picked up by the next request, without a restart.
 */
final class RequestSigner {

    private final KisClientConfig config;
    private final Clock clock;
    /** The signer of the key last seen: a new one only when the key changes. */
    private volatile KeyedSigner signer;

    RequestSigner(KisClientConfig config, Clock clock) {
        // read first: a key file that cannot be read fails the client's construction, not its first request
        this.signer = new KeyedSigner(config.secret().current());
        this.config = config;
        this.clock = clock;
    }

    /** The headers of one request; the timestamp is taken when the request is sent, not when it is built. */
    Consumer<HttpHeaders> headers(String method, URI uri, byte[] body) {
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return headers -> {
            String timestamp = Long.toString(clock.millis());
            headers.set(KisSigner.HEADER_CLIENT_ID, config.clientId());
            headers.set(KisSigner.HEADER_TIMESTAMP, timestamp);
            headers.set(KisSigner.HEADER_SIGNATURE, signerOfCurrentKey().sign(method, path, timestamp, body));
        };
    }

    private KisSigner signerOfCurrentKey() {
        String key = config.secret().current();
        KeyedSigner s = signer;
        if (!s.key().equals(key)) {
            s = new KeyedSigner(key);
            signer = s;
        }
        return s.signer();
    }

    private record KeyedSigner(String key, KisSigner signer) {
        KeyedSigner(String key) {
            this(key, new KisSigner(key));
        }

        @Override
        public String toString() {
            return "KeyedSigner[***]";
        }
    }
}
