package kr.co.pg.settlement.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.KisClientConfig;
import kr.co.pg.settlement.kis.client.KisClientSettings;
import kr.co.pg.settlement.kis.client.NotFound;
import kr.co.pg.settlement.kis.client.Unauthorized;
import kr.co.pg.settlement.kis.client.UploadResult;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFiles;
import kr.co.pg.settlement.kis.protocol.KisSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HMAC key rotation without downtime, end to end: the simulator's key file and the client's key file are switched
 * while both run; requests keep succeeding through the overlap, and the old key is refused (401 K401) after it.
 * Also: no key and no expected signature in any answer or log line on the failure paths.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyRotationTest {

    private static final String ROTATING_CLIENT = "PG00000001";
    private static final String FIXED_CLIENT = "PG00000002";
    private static final String KEY_A = "rotation-key-A-5c0e9b1f7a";
    private static final String KEY_B = "rotation-key-B-d84a26e3c1";
    private static final String FIXED_KEY = "fixed-key-0b7f3e9a24c6";
    private static final String RECEIPT = "R1ABCDEFGHIJ01234567";
    private static final Duration OVERLAP = Duration.ofSeconds(2);

    @TempDir
    static Path tmp;
    static ConfigurableApplicationContext simulator;
    static Path simulatorKeyFile;
    static Path clientKeyFile;

    @BeforeAll
    static void start() throws Exception {
        simulatorKeyFile = tmp.resolve("simulator-PG00000001.key");
        clientKeyFile = tmp.resolve("client.key");
        Files.writeString(simulatorKeyFile, KEY_A + "\n");
        Files.writeString(clientKeyFile, KEY_A + "\n");
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", "0");
        props.put("kis.simulator.state-dir", tmp.resolve("state").toString());
        props.put("kis.simulator.processing-delay", "200ms");
        props.put("kis.simulator.security.secret-files." + ROTATING_CLIENT, simulatorKeyFile.toString());
        props.put("kis.simulator.security.key-overlap", OVERLAP.toMillis() + "ms");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.kr.co.pg.settlement", "DEBUG");
        simulator = new SpringApplicationBuilder(KisSimulatorApplication.class)
                .initializers(EmbeddedKisSimulator.withSecrets(Map.of("kis.simulator.clients." + FIXED_CLIENT, FIXED_KEY)))
                .run(EmbeddedKisSimulator.asArguments(props));
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private static KisClient clientWithKeyFile() {
        Map<String, Object> p = new HashMap<>();
        p.put(KisClientSettings.BASE_URL, Fixture.baseUrl(simulator));
        p.put(KisClientSettings.ALLOW_PLAIN_HTTP, "true");
        p.put(KisClientSettings.CLIENT_ID, ROTATING_CLIENT);
        p.put(KisClientSettings.SECRET_FILE, clientKeyFile.toString());
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", p));
        return new KisClient(KisClientSettings.from(env), Clock.systemUTC());
    }

    private static KisClient clientWithFixedKey(String clientId, String key) {
        return new KisClient(new KisClientConfig(Fixture.baseUrl(simulator), clientId, key, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 1 << 20), Clock.systemUTC());
    }

    private static void replace(Path keyFile, String key) throws Exception {
        Path next = keyFile.resolveSibling(keyFile.getFileName() + ".next");
        Files.writeString(next, key + "\n");
        Files.move(next, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void both_sides_switch_keys_without_restart_and_the_old_key_is_refused_after_the_overlap(CapturedOutput output)
            throws Exception {
        try (KisClient service = clientWithKeyFile();
             KisClient stillOnA = clientWithFixedKey(ROTATING_CLIENT, KEY_A);
             KisClient alreadyOnB = clientWithFixedKey(ROTATING_CLIENT, KEY_B)) {
            // before: A everywhere
            assertThat(service.status(RECEIPT).block()).isInstanceOf(NotFound.class);
            assertThat(alreadyOnB.status(RECEIPT).block()).isInstanceOf(Unauthorized.class);

            // 1. KIS installs B as current; A stays accepted for the overlap
            replace(simulatorKeyFile, KEY_B);
            assertThat(service.status(RECEIPT).block()).as("client still on A, within the overlap").isInstanceOf(NotFound.class);
            assertThat(alreadyOnB.status(RECEIPT).block()).isInstanceOf(NotFound.class);
            assertThat(upload(service, 1)).isInstanceOf(UploadResult.Accepted.class);

            // 2. the PG switches its key file; the running client signs with B from the next request
            replace(clientKeyFile, KEY_B);
            assertThat(service.status(RECEIPT).block()).isInstanceOf(NotFound.class);
            assertThat(upload(service, 2)).isInstanceOf(UploadResult.Accepted.class);

            // 3. after the overlap, A is refused with the interface's 401 K401; B keeps working
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> stillOnA.status(RECEIPT).block() instanceof Unauthorized);
            Unauthorized refused = (Unauthorized) stillOnA.status(RECEIPT).block();
            assertThat(refused.code()).isEqualTo("K401");
            assertThat(refused.message()).contains("previous key of " + ROTATING_CLIENT).contains("sign with the current key");
            assertThat(service.status(RECEIPT).block()).isInstanceOf(NotFound.class);
        }
        assertThat(output.getAll()).contains("KIS HMAC key of client " + ROTATING_CLIENT + " rotated")
                .contains("KIS HMAC key re-read from " + clientKeyFile)
                .doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    @Test
    void failure_paths_answer_and_log_no_key_and_no_expected_signature(CapturedOutput output) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String timestamp = Long.toString(System.currentTimeMillis());
        String path = "/v1/files/" + RECEIPT;
        String expectedSignature = new KisSigner(FIXED_KEY).sign("GET", path, timestamp, new byte[0]);
        String wrongSignature = new KisSigner("not-the-key").sign("GET", path, timestamp, new byte[0]);
        List<String> answers = new java.util.ArrayList<>();
        for (String[] headers : List.of(
                new String[]{FIXED_CLIENT, timestamp, wrongSignature},
                new String[]{FIXED_CLIENT, timestamp, expectedSignature.substring(0, 63) + "x"},
                new String[]{"PG99999999", timestamp, expectedSignature},
                new String[]{FIXED_CLIENT, "not-a-timestamp", wrongSignature},
                new String[]{FIXED_CLIENT, timestamp, null})) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Fixture.baseUrl(simulator) + path)).GET()
                    .header(KisSigner.HEADER_CLIENT_ID, headers[0]);
            request.header(KisSigner.HEADER_TIMESTAMP, headers[1]);
            if (headers[2] != null) {
                request.header(KisSigner.HEADER_SIGNATURE, headers[2]);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"code\":\"K401\"");
            answers.add(response.body());
        }
        // an upload whose body does not match its signature: the 401 comes after the body was hashed
        try (KisClient wrongKey = clientWithFixedKey(FIXED_CLIENT, "not-the-key")) {
            assertThat(upload(wrongKey, 3)).isInstanceOf(Unauthorized.class);
        }
        try (KisClient rightKey = clientWithFixedKey(FIXED_CLIENT, FIXED_KEY)) {
            assertThat(rightKey.status(RECEIPT).block()).as("the right key passes").isInstanceOf(NotFound.class);
        }
        String all = String.join("\n", answers) + output.getAll();
        assertThat(output.getAll()).contains("401 K401");
        assertThat(all).doesNotContain(FIXED_KEY).doesNotContain(expectedSignature).doesNotContain(KEY_A)
                .doesNotContain(KEY_B);
    }

    private static UploadResult upload(KisClient client, int seq) {
        byte[] r1 = KisFiles.renderR1(Fixture.header(FileType.R1, LocalDate.of(2026, 3, 10), seq), List.of(
                Fixture.r1(1, 'N', "SM-ROT-" + seq, Fixture.businessNo("22081625" + seq), LocalDate.of(2020, 1, 1), null)));
        return client.upload(FileType.R1, "R1-ROTATION-" + seq, r1).block();
    }
}
