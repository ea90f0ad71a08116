package kr.co.pg.settlement.kis.client;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reactive client of the three KIS endpoints (kis-interface.md section 2). Every HTTP answer, and every transport
 * failure (connection refused, timeout, connection dropped), becomes a typed result: the returned Monos never
 * fail for anything KIS or the network did. They fail only for caller mistakes (an invalid Idempotency-Key or
 * receipt number: {@link IllegalArgumentException}) or when the result file cannot be written locally
 * ({@link UncheckedIOException}). No retries here: callers decide (resilience4j) on {@link Unavailable} and
 * {@link RateLimited}.
 */
public final class KisClient implements AutoCloseable {

    public static final String HEADER_FILE_TYPE = "X-KIS-File-Type";
    public static final String HEADER_IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String HEADER_CONTENT_SHA256 = "X-KIS-Content-SHA256";
    public static final String FILES_PATH = "/v1/files";

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern RECEIPT_NO = Pattern.compile("[A-Z0-9]{20}");
    private static final byte[] EMPTY = new byte[0];

    private final KisClientConfig config;
    private final RequestSigner signer;
    private final KisAnswers answers;
    private final ConnectionProvider connections;
    private final WebClient webClient;

    public KisClient(KisClientConfig config, Clock clock) {
        this(config, clock, (request, next) -> next.exchange(request));
    }

    /** With {@code filter} applied to every request (the services add the W3C {@code traceparent} header there). */
    public KisClient(KisClientConfig config, Clock clock, ExchangeFilterFunction filter) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        this.signer = new RequestSigner(config, clock);
        this.answers = new KisAnswers(clock);
        // before any resource is allocated: a bad trust or key store fails the start-up here
        Http11SslContextSpec tls = config.isHttps() ? KisTransport.sslContext(config.tls()) : null;
        this.connections = KisHttp.connections(config);
        this.webClient = KisHttp.webClient(config, connections, tls, Objects.requireNonNull(filter, "filter"));
    }

    /** {@code POST /v1/files}. The body is sent as given; KIS answers 200 for the same key and bytes again. */
    public Mono<UploadResult> upload(FileType type, String idempotencyKey, byte[] body) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        if (type != FileType.R1 && type != FileType.S1) {
            return Mono.error(new IllegalArgumentException("only R1 and S1 files are uploaded, not " + type));
        }
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            return Mono.error(new IllegalArgumentException("Idempotency-Key must be 1-64 of [A-Za-z0-9._-], got '"
                    + idempotencyKey + "'"));
        }
        URI uri = URI.create(config.baseUrl() + FILES_PATH);
        return webClient.post().uri(uri)
                .headers(signer.headers("POST", uri, body))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE)
                .header(HEADER_FILE_TYPE, type.name())
                .header(HEADER_IDEMPOTENCY_KEY, idempotencyKey)
                .bodyValue(body)
                .exchangeToMono(response -> answer(response, answers::upload))
                .onErrorResume(e -> Mono.just(TransportFailure.unavailable(e)));
    }

    /** {@code GET /v1/files/{receiptNo}}. */
    public Mono<StatusResult> status(String receiptNo) {
        if (isNotAReceipt(receiptNo)) {
            return Mono.error(receiptRefused(receiptNo));
        }
        URI uri = URI.create(config.baseUrl() + FILES_PATH + "/" + receiptNo);
        return webClient.get().uri(uri)
                .headers(signer.headers("GET", uri, EMPTY))
                .exchangeToMono(response -> answer(response, answers::status))
                .onErrorResume(e -> Mono.just(TransportFailure.unavailable(e)));
    }

    /**
     * {@code GET /v1/files/{receiptNo}/result}, streamed to {@code target} (via a sibling {@code .part} file, moved
     * into place only when the SHA-256 matches; nothing is left behind otherwise). Never holds the file in memory.
     */
    public Mono<DownloadResult> download(String receiptNo, Path target) {
        Objects.requireNonNull(target, "target");
        if (isNotAReceipt(receiptNo)) {
            return Mono.error(receiptRefused(receiptNo));
        }
        URI uri = URI.create(config.baseUrl() + FILES_PATH + "/" + receiptNo + "/result");
        return ResultDownload.surfaceLocalFailure(webClient.get().uri(uri)
                .headers(signer.headers("GET", uri, EMPTY))
                .exchangeToMono(response -> response.statusCode().value() == 200
                        ? ResultDownload.toFile(response.bodyToFlux(DataBuffer.class),
                                response.headers().asHttpHeaders().getFirst(HEADER_CONTENT_SHA256), target)
                        : answer(response, answers::downloadFailure)));
    }

    @Override
    public void close() {
        connections.dispose();
    }

    /** Reads the whole (small, JSON) body, then lets {@link KisAnswers} say what the answer means. */
    private static <T> Mono<T> answer(ClientResponse response, Answer<T> meaning) {
        return response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY)
                .map(bytes -> meaning.of(response.statusCode().value(), response.headers().asHttpHeaders(), bytes));
    }

    private interface Answer<T> {
        T of(int status, HttpHeaders headers, byte[] body);
    }

    private static boolean isNotAReceipt(String receiptNo) {
        return receiptNo == null || !RECEIPT_NO.matcher(receiptNo).matches();
    }

    private static IllegalArgumentException receiptRefused(String receiptNo) {
        return new IllegalArgumentException("receiptNo must be 20 of [A-Z0-9], got '" + receiptNo + "'");
    }
}
