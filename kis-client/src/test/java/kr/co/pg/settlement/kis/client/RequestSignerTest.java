package kr.co.pg.settlement.kis.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import kr.co.pg.settlement.kis.protocol.KisSigner;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RequestSignerTest {

    private static final byte[] BODY = "H...".getBytes(StandardCharsets.US_ASCII);

    @Test
    void signsPathWithQueryAndSwitchesToARotatedKey() {
        AtomicReference<String> key = new AtomicReference<>("key-one");
        KisSecret secret = key::get;
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_123L), ZoneOffset.UTC);
        KisClientConfig config = new KisClientConfig("https://kis.example/base", "PG00000001", secret,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, null, false);
        RequestSigner signer = new RequestSigner(config, clock);
        URI uri = URI.create("https://kis.example/base/v1/files?x=1");

        HttpHeaders first = new HttpHeaders();
        signer.headers("POST", uri, BODY).accept(first);
        key.set("key-two");
        HttpHeaders second = new HttpHeaders();
        signer.headers("POST", uri, BODY).accept(second);

        assertThat(first.getFirst(KisSigner.HEADER_CLIENT_ID)).isEqualTo("PG00000001");
        assertThat(first.getFirst(KisSigner.HEADER_TIMESTAMP)).isEqualTo("1700000000123");
        assertThat(new KisSigner("key-one").verify("POST", "/base/v1/files?x=1", "1700000000123", BODY,
                first.getFirst(KisSigner.HEADER_SIGNATURE))).isTrue();
        assertThat(new KisSigner("key-two").verify("POST", "/base/v1/files?x=1", "1700000000123", BODY,
                second.getFirst(KisSigner.HEADER_SIGNATURE))).isTrue();
    }
}
