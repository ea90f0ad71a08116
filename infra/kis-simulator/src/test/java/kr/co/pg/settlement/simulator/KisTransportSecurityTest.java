package kr.co.pg.settlement.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.KisClientConfig;
import kr.co.pg.settlement.kis.client.KisClientSettings;
import kr.co.pg.settlement.kis.client.KisSecret;
import kr.co.pg.settlement.kis.client.KisTls;
import kr.co.pg.settlement.kis.client.NotFound;
import kr.co.pg.settlement.kis.client.StatusResult;
import kr.co.pg.settlement.kis.client.Unavailable;
import kr.co.pg.settlement.kis.client.UploadResult;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static kr.co.pg.settlement.simulator.Fixture.CLIENT;
import static kr.co.pg.settlement.simulator.Fixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The project's KisClient against the simulator serving TLS (Spring Boot server.ssl) with certificates made in
 * this test: one simulator with server TLS only, one requiring client certificates (mutual TLS).
 */
class KisTransportSecurityTest {

    private static final String RECEIPT = "R1ABCDEFGHIJ01234567";
    private static final String STORE_PASSWORD = "store-pass-test-only";

    @TempDir
    static Path tmp;
    static ConfigurableApplicationContext tlsOnly;
    static ConfigurableApplicationContext mutualTls;
    static ConfigurableApplicationContext plainHttp;
    static Path trustKisCa;
    static Path trustOtherCa;
    static Path pgClientKeys;
    static Path strangerClientKeys;

    @BeforeAll
    static void start() throws Exception {
        TestPki.Issued kisCa = TestPki.certificateAuthority("KIS test CA");
        TestPki.Issued otherCa = TestPki.certificateAuthority("Some other CA");
        TestPki.Issued pgCa = TestPki.certificateAuthority("PG client CA");
        Path serverKeys = TestPki.keyStore(tmp.resolve("server.p12"),
                TestPki.issue(kisCa, "localhost", "localhost"), STORE_PASSWORD);
        Path trustPgCa = TestPki.trustStore(tmp.resolve("server-trust.p12"), STORE_PASSWORD, pgCa);
        trustKisCa = TestPki.trustStore(tmp.resolve("trust-kis.p12"), STORE_PASSWORD, kisCa);
        trustOtherCa = TestPki.trustStore(tmp.resolve("trust-other.p12"), STORE_PASSWORD, otherCa);
        pgClientKeys = TestPki.keyStore(tmp.resolve("pg-client.p12"), TestPki.issue(pgCa, CLIENT), STORE_PASSWORD);
        strangerClientKeys = TestPki.keyStore(tmp.resolve("stranger.p12"), TestPki.issue(otherCa, CLIENT), STORE_PASSWORD);

        tlsOnly = startTls(tmp.resolve("state-tls"), serverKeys, null);
        mutualTls = startTls(tmp.resolve("state-mtls"), serverKeys, trustPgCa);
        // all started here and closed together: closing one simulator stops Reactor Netty's shared loops
        plainHttp = Fixture.start(tmp.resolve("state-plain"));
    }

    private static ConfigurableApplicationContext startTls(Path stateDir, Path serverKeys, Path clientCas) {
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", "0");
        props.put("kis.simulator.state-dir", stateDir.toString());
        props.put("kis.simulator.processing-delay", "200ms");
        props.put("logging.level.root", "WARN");
        props.put("server.ssl.enabled", "true");
        props.put("server.ssl.key-store", "file:" + serverKeys);
        if (clientCas != null) {
            props.put("server.ssl.trust-store", "file:" + clientCas);
            props.put("server.ssl.client-auth", "need");
        }
        Map<String, Object> secrets = new HashMap<>();
        secrets.put("kis.simulator.clients." + CLIENT, SECRET);
        secrets.put("server.ssl.key-store-password", STORE_PASSWORD);
        if (clientCas != null) {
            secrets.put("server.ssl.trust-store-password", STORE_PASSWORD);
        }
        return new SpringApplicationBuilder(KisSimulatorApplication.class)
                .initializers(EmbeddedKisSimulator.withSecrets(secrets))
                .run(EmbeddedKisSimulator.asArguments(props));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[]{tlsOnly, mutualTls, plainHttp}) {
            if (app != null) {
                app.close();
            }
        }
    }

    private static String httpsUrl(ConfigurableApplicationContext app) {
        return "https://localhost:" + Fixture.port(app);
    }

    private static KisClient client(String baseUrl, KisTls tls) {
        return new KisClient(new KisClientConfig(baseUrl, CLIENT, KisSecret.of(SECRET), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 1 << 20, tls, false), Clock.systemUTC());
    }

    @Test
    void tls_with_the_right_trust_store_works_end_to_end() {
        try (KisClient client = client(httpsUrl(tlsOnly), KisTls.trusting(trustKisCa, "PKCS12", STORE_PASSWORD))) {
            byte[] r1 = KisFiles.renderR1(Fixture.header(FileType.R1, LocalDate.of(2026, 3, 10), 1), List.of(
                    Fixture.r1(1, 'N', "SM-TLS-1", Fixture.businessNo("220816251"), LocalDate.of(2020, 1, 1), null)));
            UploadResult up = client.upload(FileType.R1, "R1-TLS-1", r1).block();
            assertThat(up).isInstanceOf(UploadResult.Accepted.class);
            StatusResult.Found found = Fixture.awaitStatus(client, ((UploadResult.Accepted) up).receiptNo(),
                    StatusResult.ReceiptStatus.DONE);
            assertThat(found.resultFileType()).isEqualTo(FileType.R2);
        }
    }

    @Test
    void a_trust_store_without_kis_ca_fails_the_handshake_with_a_clear_error() {
        try (KisClient client = client(httpsUrl(tlsOnly), KisTls.trusting(trustOtherCa, "PKCS12", STORE_PASSWORD))) {
            StatusResult r = client.status(RECEIPT).block();
            assertThat(r).isInstanceOf(Unavailable.class);
            Unavailable u = (Unavailable) r;
            assertThat(u.httpStatus()).isZero();
            assertThat(u.detail()).startsWith("TLS handshake with KIS failed: check that kis.tls.trust-store holds the CA")
                    .contains("unable to find valid certification path");
        }
    }

    @Test
    void the_host_name_is_verified_a_certificate_for_another_name_is_refused() {
        KisTls trust = KisTls.trusting(trustKisCa, "PKCS12", STORE_PASSWORD);
        // same server, same trusted certificate, but it names "localhost" only, not 127.0.0.1
        try (KisClient byAddress = client("https://127.0.0.1:" + Fixture.port(tlsOnly), trust)) {
            StatusResult r = byAddress.status(RECEIPT).block();
            assertThat(r).isInstanceOf(Unavailable.class);
            assertThat(((Unavailable) r).detail()).startsWith("TLS handshake with KIS failed")
                    .contains("127.0.0.1");
        }
        try (KisClient byName = client(httpsUrl(tlsOnly), trust)) {
            assertThat(byName.status(RECEIPT).block()).isInstanceOf(NotFound.class);
        }
    }

    @Test
    void the_jvm_default_trust_does_not_trust_a_private_kis_ca() {
        try (KisClient client = client(httpsUrl(tlsOnly), KisTls.JVM_DEFAULTS)) {
            assertThat(client.status(RECEIPT).block()).isInstanceOf(Unavailable.class)
                    .extracting(r -> ((Unavailable) r).detail()).asString().startsWith("TLS handshake with KIS failed");
        }
    }

    @Test
    void mutual_tls_refuses_a_client_without_certificate_or_with_a_foreign_one_and_accepts_the_pg_certificate() {
        KisTls trust = KisTls.trusting(trustKisCa, "PKCS12", STORE_PASSWORD);
        try (KisClient anonymous = client(httpsUrl(mutualTls), trust)) {
            StatusResult r = anonymous.status(RECEIPT).block();
            assertThat(r).isInstanceOf(Unavailable.class);
            assertThat(((Unavailable) r).httpStatus()).isZero();
            assertThat(((Unavailable) r).detail()).as("anonymous").startsWith("TLS handshake with KIS failed");
        }
        try (KisClient stranger = client(httpsUrl(mutualTls),
                trust.withClientCertificate(strangerClientKeys, "PKCS12", STORE_PASSWORD))) {
            StatusResult r = stranger.status(RECEIPT).block();
            assertThat(r).isInstanceOf(Unavailable.class);
            assertThat(((Unavailable) r).detail()).as("stranger").startsWith("TLS handshake with KIS failed");
        }
        try (KisClient pg = client(httpsUrl(mutualTls), trust.withClientCertificate(pgClientKeys, "PKCS12", STORE_PASSWORD))) {
            // past TLS and the signature check: KIS answers for the (unknown) receipt
            assertThat(pg.status(RECEIPT).block()).isInstanceOf(NotFound.class);
        }
    }

    @Test
    void services_configure_tls_from_settings_and_plain_http_only_when_allowed() throws Exception {
        Path passwordFile = tmp.resolve("trust.pass");
        java.nio.file.Files.writeString(passwordFile, STORE_PASSWORD + "\n");
        Map<String, Object> settings = new HashMap<>();
        settings.put(KisClientSettings.BASE_URL, httpsUrl(mutualTls));
        settings.put(KisClientSettings.CLIENT_ID, CLIENT);
        settings.put(KisClientSettings.SECRET, SECRET);
        settings.put(KisClientSettings.TRUST_STORE, trustKisCa.toString());
        settings.put(KisClientSettings.TRUST_STORE_PASSWORD_FILE, passwordFile.toString());
        settings.put(KisClientSettings.KEY_STORE, pgClientKeys.toString());
        settings.put(KisClientSettings.KEY_STORE_PASSWORD, STORE_PASSWORD);
        try (KisClient pg = new KisClient(KisClientSettings.from(env(settings)), Clock.systemUTC())) {
            assertThat(pg.status(RECEIPT).block()).isInstanceOf(NotFound.class);
        }

        // a plain-HTTP simulator: refused by the settings unless allowed
        Map<String, Object> http = new HashMap<>(settings);
        http.keySet().removeIf(k -> k.startsWith("kis.tls."));
        http.put(KisClientSettings.BASE_URL, Fixture.baseUrl(plainHttp));
        assertThatThrownBy(() -> KisClientSettings.from(env(http)))
                .hasMessageContaining("is plain HTTP").hasMessageContaining("kis.allow-plain-http=true");
        http.put(KisClientSettings.ALLOW_PLAIN_HTTP, "true");
        try (KisClient allowed = new KisClient(KisClientSettings.from(env(http)), Clock.systemUTC())) {
            assertThat(allowed.status(RECEIPT).block()).isInstanceOf(NotFound.class);
        }
    }

    private static StandardEnvironment env(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return env;
    }
}
