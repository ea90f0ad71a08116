package kr.co.pg.settlement.kis.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import kr.co.pg.settlement.kis.protocol.KisSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up checks of the KIS transport (plain HTTP refused unless allowed, TLS stores), the key file re-read on
 * change, and that no key or password ends up in an exception message, a toString or a log line. TLS against a
 * real server is proven in the simulator's KisTransportSecurityTest.
 */
@ExtendWith(OutputCaptureExtension.class)
class KisClientSecurityTest {

    private static final String KEY_A = "key-A-9f2c71d0e4b8a6";
    private static final String KEY_B = "key-B-3e81c5a7f0d294";
    private static final String RECEIPT = "S1ABCDEFGHIJ01234567";

    @TempDir
    Path tmp;
    private DisposableServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
    }

    private static StandardEnvironment env(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return env;
    }

    private static Map<String, Object> kis(String baseUrl) {
        Map<String, Object> p = new HashMap<>();
        p.put(KisClientSettings.BASE_URL, baseUrl);
        p.put(KisClientSettings.CLIENT_ID, "PG00000001");
        p.put(KisClientSettings.SECRET, KEY_A);
        return p;
    }

    @Test
    void plain_http_is_refused_at_start_up_unless_explicitly_allowed() {
        assertThatThrownBy(() -> KisClientSettings.from(env(kis("http://localhost:8090"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'http://localhost:8090' is plain HTTP")
                .hasMessageContaining("kis.allow-plain-http=true")
                .message().doesNotContain(KEY_A);

        Map<String, Object> allowed = kis("http://localhost:8090");
        allowed.put(KisClientSettings.ALLOW_PLAIN_HTTP, "true");
        assertThat(KisClientSettings.from(env(allowed)).allowPlainHttp()).isTrue();

        Map<String, Object> typo = kis("http://localhost:8090");
        typo.put(KisClientSettings.ALLOW_PLAIN_HTTP, "yes");
        assertThatThrownBy(() -> KisClientSettings.from(env(typo))).hasMessageContaining("must be true or false");

        KisClientConfig https = KisClientSettings.from(env(kis("https://kis.example:8443/")));
        assertThat(https.baseUrl()).isEqualTo("https://kis.example:8443");
        assertThat(https.isHttps()).isTrue();
        assertThat(https.tls()).isEqualTo(KisTls.JVM_DEFAULTS);

        // the canonical constructor needs the explicit flag even for loopback
        assertThatThrownBy(() -> new KisClientConfig("http://127.0.0.1:1", "PG00000001", KisSecret.of(KEY_A),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, null, false))
                .hasMessageContaining("plain HTTP");
        // the programmatic shortcut of tests and tools: plain HTTP to loopback only
        assertThat(KisClientConfig.withDefaults("http://localhost:1", "PG00000001", KEY_A).allowPlainHttp()).isTrue();
        assertThat(KisClientConfig.withDefaults("http://[::1]:1", "PG00000001", KEY_A).allowPlainHttp()).isTrue();
        assertThatThrownBy(() -> KisClientConfig.withDefaults("http://kis.example", "PG00000001", KEY_A))
                .hasMessageContaining("plain HTTP");
        assertThatThrownBy(() -> KisClientConfig.withDefaults("ftp://kis.example", "PG00000001", KEY_A))
                .hasMessageContaining("absolute https URL");
    }

    @Test
    void secret_must_come_from_env_or_file_and_never_shows_in_text() throws Exception {
        Map<String, Object> none = kis("https://kis.example");
        none.remove(KisClientSettings.SECRET);
        assertThatThrownBy(() -> KisClientSettings.from(env(none))).hasMessageContaining("KIS_SECRET")
                .hasMessageContaining("KIS_SECRET_FILE");

        Map<String, Object> missingFile = kis("https://kis.example");
        missingFile.put(KisClientSettings.SECRET_FILE, tmp.resolve("absent").toString());
        assertThatThrownBy(() -> KisClientSettings.from(env(missingFile)))
                .hasMessageContaining("kis.secret-file " + tmp.resolve("absent"))
                .hasMessageContaining("NoSuchFileException");

        Path keyFile = tmp.resolve("kis.key");
        Files.writeString(keyFile, KEY_B + "\n");
        Map<String, Object> fromFile = kis("https://kis.example");
        fromFile.put(KisClientSettings.SECRET_FILE, keyFile.toString());
        KisClientConfig config = KisClientSettings.from(env(fromFile));
        assertThat(config.secret().current()).as("the file wins over kis.secret, final newline ignored").isEqualTo(KEY_B);
        assertThat(config.toString()).doesNotContain(KEY_A).doesNotContain(KEY_B).contains("***");
        assertThat(KisSecret.of(KEY_A).toString()).doesNotContain(KEY_A);
    }

    @Test
    void the_client_signs_with_the_new_key_once_the_key_file_changes_without_restart(CapturedOutput output)
            throws Exception {
        AtomicReference<String> signature = new AtomicReference<>();
        AtomicReference<String> timestamp = new AtomicReference<>();
        server = HttpServer.create().port(0).handle((req, res) -> {
            signature.set(req.requestHeaders().get(KisSigner.HEADER_SIGNATURE));
            timestamp.set(req.requestHeaders().get(KisSigner.HEADER_TIMESTAMP));
            return res.status(404).sendString(Mono.just("{\"code\":\"K404\",\"message\":\"unknown\"}")).then();
        }).bindNow();
        Path keyFile = tmp.resolve("kis.key");
        Files.writeString(keyFile, KEY_A);
        Map<String, Object> p = kis("http://localhost:" + server.port());
        p.put(KisClientSettings.SECRET_FILE, keyFile.toString());
        p.put(KisClientSettings.ALLOW_PLAIN_HTTP, "true");
        Clock clock = Clock.fixed(Instant.parse("2026-03-11T00:00:00Z"), ZoneOffset.UTC);
        try (KisClient client = new KisClient(KisClientSettings.from(env(p)), clock)) {
            client.status(RECEIPT).block();
            assertThat(signature.get()).isEqualTo(expected(KEY_A, timestamp.get()));

            replace(keyFile, KEY_B);
            client.status(RECEIPT).block();
            assertThat(signature.get()).isEqualTo(expected(KEY_B, timestamp.get()));

            // a half-written (empty) key file: keep signing with the last good key, warn without any key
            Files.writeString(keyFile, "");
            client.status(RECEIPT).block();
            assertThat(signature.get()).isEqualTo(expected(KEY_B, timestamp.get()));
            assertThat(output.getAll()).contains("kis.secret-file " + keyFile + " cannot be read now (empty)");
        }
        assertThat(output.getAll()).doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    @Test
    void tls_store_problems_fail_the_start_naming_the_setting_but_not_the_password() throws Exception {
        char[] password = "store-pass-7d1e0a".toCharArray();
        Path emptyStore = tmp.resolve("empty.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var out = Files.newOutputStream(emptyStore)) {
            store.store(out, password);
        }
        Map<String, Object> p = kis("https://localhost:1");
        p.put(KisClientSettings.TRUST_STORE, emptyStore.toString());
        p.put(KisClientSettings.TRUST_STORE_PASSWORD, "wrong-pass-4c9b");
        assertThatThrownBy(() -> new KisClient(KisClientSettings.from(env(p)), Clock.systemUTC()))
                .hasMessageContaining("kis.tls.trust-store " + emptyStore + " cannot be loaded as PKCS12")
                .message().doesNotContain("wrong-pass-4c9b").doesNotContain("store-pass-7d1e0a");

        Path passwordFile = tmp.resolve("truststore.pass");
        Files.writeString(passwordFile, new String(password) + "\n");
        p.remove(KisClientSettings.TRUST_STORE_PASSWORD);
        p.put(KisClientSettings.TRUST_STORE_PASSWORD_FILE, passwordFile.toString());
        assertThatThrownBy(() -> new KisClient(KisClientSettings.from(env(p)), Clock.systemUTC()))
                .hasMessageContaining("holds no certificate");

        p.put(KisClientSettings.TRUST_STORE, tmp.resolve("absent.p12").toString());
        assertThatThrownBy(() -> new KisClient(KisClientSettings.from(env(p)), Clock.systemUTC()))
                .hasMessageContaining("does not exist or is not readable");

        Map<String, Object> keyWithoutPassword = kis("https://localhost:1");
        keyWithoutPassword.put(KisClientSettings.KEY_STORE, emptyStore.toString());
        assertThatThrownBy(() -> KisClientSettings.from(env(keyWithoutPassword)))
                .hasMessageContaining("has no password");

        Map<String, Object> tlsOnHttp = kis("http://localhost:1");
        tlsOnHttp.put(KisClientSettings.ALLOW_PLAIN_HTTP, "true");
        tlsOnHttp.put(KisClientSettings.TRUST_STORE, emptyStore.toString());
        assertThatThrownBy(() -> KisClientSettings.from(env(tlsOnHttp))).hasMessageContaining("is plain HTTP");
        assertThat(new KisTls(emptyStore, null, "store-pass-7d1e0a", emptyStore, null, "store-pass-7d1e0a").toString())
                .doesNotContain("store-pass-7d1e0a");
    }

    private static String expected(String key, String timestamp) {
        return new KisSigner(key).sign("GET", "/v1/files/" + RECEIPT, timestamp, new byte[0]);
    }

    /** As an operator rotates: write a sibling file, then rename it over the key file. */
    static void replace(Path keyFile, String key) throws Exception {
        Path next = keyFile.resolveSibling(keyFile.getFileName() + ".next");
        Files.writeString(next, key, StandardCharsets.UTF_8);
        Files.move(next, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
