package kr.co.pg.settlement.kis.client;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Answer mapping and signing against a scripted HTTP server (the simulator tests cover the real KIS behaviour). */
class KisClientTest {

    private static final String RECEIPT = "S1ABCDEFGHIJ01234567";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-11T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private DisposableServer server;
    private final AtomicReference<HttpServerRequest> lastRequest = new AtomicReference<>();
    private final AtomicReference<byte[]> lastBody = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
    }

    private KisClient serve(int status, String body, String... headers) {
        server = HttpServer.create().port(0).handle((req, res) -> req.receive().aggregate().asByteArray()
                .defaultIfEmpty(new byte[0]).flatMap(bytes -> {
                    lastRequest.set(req);
                    lastBody.set(bytes);
                    res.status(status);
                    for (int i = 0; i < headers.length; i += 2) {
                        res.header(headers[i], headers[i + 1]);
                    }
                    return res.sendByteArray(Mono.just(body.getBytes(StandardCharsets.UTF_8))).then();
                })).bindNow();
        return client("http://localhost:" + server.port());
    }

    private static KisClient client(String baseUrl) {
        return new KisClient(new KisClientConfig(baseUrl, "PG00000001", "s3cret", Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(2), 65536), CLOCK);
    }

    @Test
    void upload_is_signed_per_section_1_and_202_maps_to_accepted() {
        KisClient client = serve(202, "{\"receiptNo\":\"" + RECEIPT + "\",\"fileType\":\"S1\",\"fileDate\":\"20260311\","
                + "\"fileSeq\":1,\"recordCount\":8,\"status\":\"RECEIVED\"}");
        byte[] body = "file bytes".getBytes(StandardCharsets.US_ASCII);
        UploadResult r = client.upload(FileType.S1, "S1-20260311-000001", body).block();
        assertThat(r).isEqualTo(new UploadResult.Accepted(RECEIPT, FileType.S1, java.time.LocalDate.of(2026, 3, 11), 1, 8,
                "RECEIVED", false));
        HttpServerRequest req = lastRequest.get();
        String ts = req.requestHeaders().get(KisSigner.HEADER_TIMESTAMP);
        assertThat(ts).isEqualTo(Long.toString(CLOCK.millis()));
        assertThat(req.requestHeaders().get(KisSigner.HEADER_CLIENT_ID)).isEqualTo("PG00000001");
        assertThat(req.requestHeaders().get(KisSigner.HEADER_SIGNATURE))
                .isEqualTo(new KisSigner("s3cret").sign("POST", "/v1/files", ts, body));
        assertThat(req.requestHeaders().get("X-KIS-File-Type")).isEqualTo("S1");
        assertThat(req.requestHeaders().get("Idempotency-Key")).isEqualTo("S1-20260311-000001");
        assertThat(req.requestHeaders().get("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(lastBody.get()).isEqualTo(body);
        client.close();
    }

    @Test
    void get_requests_sign_an_empty_body() {
        KisClient client = serve(200, "{\"receiptNo\":\"" + RECEIPT + "\",\"fileType\":\"S1\",\"status\":\"DONE\","
                + "\"resultFileType\":\"S2\",\"resultSize\":2020}");
        assertThat(client.status(RECEIPT).block()).isEqualTo(new StatusResult.Found(RECEIPT, FileType.S1,
                StatusResult.ReceiptStatus.DONE, FileType.S2, 2020L, null));
        String ts = lastRequest.get().requestHeaders().get(KisSigner.HEADER_TIMESTAMP);
        assertThat(lastRequest.get().requestHeaders().get(KisSigner.HEADER_SIGNATURE))
                .isEqualTo(new KisSigner("s3cret").sign("GET", "/v1/files/" + RECEIPT, ts, new byte[0]));
        client.close();
    }

    @Test
    void error_answers_map_to_typed_results() {
        assertThat(serve(422, "{\"code\":\"K422\",\"message\":\"trailer\",\"line\":10}").upload(FileType.S1, "k", new byte[1]).block())
                .isEqualTo(new UploadResult.LayoutRefused("K422", "trailer", 10));
        stop();
        assertThat(serve(409, "{\"code\":\"K409\",\"message\":\"used\"}").upload(FileType.R1, "k", new byte[1]).block())
                .isEqualTo(new UploadResult.Conflict("K409", "used"));
        stop();
        assertThat(serve(413, "<html>too big</html>").upload(FileType.R1, "k", new byte[1]).block())
                .isEqualTo(new UploadResult.TooLarge("K413", "<html>too big</html>"));
        stop();
        assertThat(serve(429, "{}", "Retry-After", "7").status(RECEIPT).block()).isEqualTo(new RateLimited(Duration.ofSeconds(7)));
        stop();
        assertThat(serve(504, "").download(RECEIPT, tmp.resolve("x")).block()).isEqualTo(new Unavailable(504, ""));
        stop();
        assertThat(serve(409, "{\"code\":\"K410\",\"message\":\"not yet\"}").download(RECEIPT, tmp.resolve("x")).block())
                .isEqualTo(new DownloadResult.NotReady("K410", "not yet"));
        stop();
        assertThat(serve(400, "bad").upload(FileType.S1, "k", new byte[1]).block()).isEqualTo(new UnexpectedAnswer(400, "bad"));
    }

    @Test
    void checksum_mismatch_is_a_result_and_leaves_no_file() {
        KisClient client = serve(200, "result bytes", "X-KIS-Content-SHA256", KisSigner.sha256Hex("other".getBytes()));
        Path target = tmp.resolve("s2.dat");
        DownloadResult r = client.download(RECEIPT, target).block();
        assertThat(r).isEqualTo(new DownloadResult.ChecksumMismatch(KisSigner.sha256Hex("other".getBytes()),
                KisSigner.sha256Hex("result bytes".getBytes())));
        assertThat(target).doesNotExist();
        assertThat(tmp.resolve("s2.dat.part")).doesNotExist();
        stop();
        client = serve(200, "result bytes", "X-KIS-Content-SHA256", KisSigner.sha256Hex("result bytes".getBytes()));
        DownloadResult ok = client.download(RECEIPT, target).block();
        assertThat(ok).isEqualTo(new DownloadResult.Downloaded(target, 12, KisSigner.sha256Hex("result bytes".getBytes())));
        assertThat(target).hasContent("result bytes");
    }

    @Test
    void connection_refused_is_unavailable_and_caller_mistakes_throw() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        KisClient client = client("http://localhost:" + port);
        UploadResult r = client.upload(FileType.S1, "S1-1", new byte[1]).block();
        assertThat(r).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) r).httpStatus()).isZero();
        assertThatThrownBy(() -> client.upload(FileType.S1, "bad key!", new byte[1]).block())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.upload(FileType.S1, "k".repeat(65), new byte[1]).block())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.status("short").block()).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.list(tmp)).isEmpty();
        client.close();
    }
}
