package kr.co.pg.settlement.kis.client;

import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.WriteTimeoutHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisSigner;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final int DETAIL_LIMIT = 300;

    private final KisClientConfig config;
    /** The signer of the key last seen: a new one only when the key changes (key file rotated). */
    private volatile KeyedSigner signer;
    private final Clock clock;
    private final ConnectionProvider connections;
    private final WebClient webClient;
    private final JsonMapper json = JsonMapper.builder().build();

    public KisClient(KisClientConfig config, Clock clock) {
        this(config, clock, (request, next) -> next.exchange(request));
    }

    /** With {@code filter} applied to every request (the services add the W3C {@code traceparent} header there). */
    public KisClient(KisClientConfig config, Clock clock, ExchangeFilterFunction filter) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signer = new KeyedSigner(config.secret().current());
        // before any resource is allocated: a bad trust or key store fails the start-up here
        Http11SslContextSpec tls = config.isHttps() ? KisTransport.sslContext(config.tls()) : null;
        this.connections = ConnectionProvider.builder("kis-client")
                .maxConnections(16)
                .maxIdleTime(Duration.ofSeconds(20))
                .pendingAcquireTimeout(config.connectTimeout().plus(config.responseTimeout()))
                .build();
        long writeTimeoutMillis = config.writeTimeout().toMillis();
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .responseTimeout(config.responseTimeout())
                .doOnConnected(c -> c.addHandlerLast(new WriteTimeoutHandler(writeTimeoutMillis, TimeUnit.MILLISECONDS)));
        if (tls != null) {
            // server certificate checked against the trust store, host name verified (Reactor Netty's default)
            http = http.secure(spec -> spec.sslContext(tls).handshakeTimeout(config.connectTimeout()));
        }
        this.webClient = WebClient.builder()
                .filter(Objects.requireNonNull(filter, "filter"))
                .clientConnector(new ReactorClientHttpConnector(http))
                .exchangeStrategies(ExchangeStrategies.builder()
                        .codecs(c -> c.defaultCodecs().maxInMemorySize(config.maxInMemoryBytes()))
                        .build())
                .build();
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
                .headers(signed("POST", uri, body))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE)
                .header(HEADER_FILE_TYPE, type.name())
                .header(HEADER_IDEMPOTENCY_KEY, idempotencyKey)
                .bodyValue(body)
                .exchangeToMono(response -> bodyOf(response)
                        .map(bytes -> mapUpload(response.statusCode().value(), response, bytes)))
                .onErrorResume(e -> Mono.just(transportFailure(e)));
    }

    /** {@code GET /v1/files/{receiptNo}}. */
    public Mono<StatusResult> status(String receiptNo) {
        if (receiptNo == null || !RECEIPT_NO.matcher(receiptNo).matches()) {
            return Mono.error(new IllegalArgumentException("receiptNo must be 20 of [A-Z0-9], got '" + receiptNo + "'"));
        }
        URI uri = URI.create(config.baseUrl() + FILES_PATH + "/" + receiptNo);
        return webClient.get().uri(uri)
                .headers(signed("GET", uri, EMPTY))
                .exchangeToMono(response -> bodyOf(response)
                        .map(bytes -> mapStatus(response.statusCode().value(), response, bytes)))
                .onErrorResume(e -> Mono.just(transportFailure(e)));
    }

    /**
     * {@code GET /v1/files/{receiptNo}/result}, streamed to {@code target} (via a sibling {@code .part} file, moved
     * into place only when the SHA-256 matches; nothing is left behind otherwise). Never holds the file in memory.
     */
    public Mono<DownloadResult> download(String receiptNo, Path target) {
        Objects.requireNonNull(target, "target");
        if (receiptNo == null || !RECEIPT_NO.matcher(receiptNo).matches()) {
            return Mono.error(new IllegalArgumentException("receiptNo must be 20 of [A-Z0-9], got '" + receiptNo + "'"));
        }
        URI uri = URI.create(config.baseUrl() + FILES_PATH + "/" + receiptNo + "/result");
        return webClient.get().uri(uri)
                .headers(signed("GET", uri, EMPTY))
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (status == 200) {
                        return writeResultFile(response, target);
                    }
                    return bodyOf(response).map(bytes -> mapDownloadFailure(status, response, bytes));
                })
                .onErrorResume(e -> !(e instanceof LocalWriteFailure), e -> Mono.just(transportFailure(e)))
                .onErrorMap(LocalWriteFailure.class, LocalWriteFailure::asUnchecked);
    }

    @Override
    public void close() {
        connections.dispose();
    }

    // ---------------------------------------------------------------- signing

    private Consumer<HttpHeaders> signed(String method, URI uri, byte[] body) {
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

    // ---------------------------------------------------------------- answers

    private UploadResult mapUpload(int status, ClientResponse response, byte[] body) {
        switch (status) {
            case 200, 202 -> {
                try {
                    JsonNode node = json.readTree(body);
                    return new UploadResult.Accepted(
                            requiredText(node, "receiptNo"),
                            FileType.valueOf(requiredText(node, "fileType")),
                            parseDate(requiredText(node, "fileDate")),
                            requiredInt(node, "fileSeq"),
                            requiredInt(node, "recordCount"),
                            requiredText(node, "status"),
                            status == 200);
                } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
                    return new UnexpectedAnswer(status, "unreadable acceptance body (" + e.getMessage() + "): " + preview(body));
                }
            }
            case 409 -> {
                ErrorBody error = errorBody(body, "K409");
                return new UploadResult.Conflict(error.code, error.message);
            }
            case 422 -> {
                ErrorBody error = errorBody(body, "K422");
                return new UploadResult.LayoutRefused(error.code, error.message, error.line);
            }
            case 413 -> {
                ErrorBody error = errorBody(body, "K413");
                return new UploadResult.TooLarge(error.code, error.message);
            }
            default -> {
                return common(status, response, body);
            }
        }
    }

    private StatusResult mapStatus(int status, ClientResponse response, byte[] body) {
        if (status == 200) {
            try {
                JsonNode node = json.readTree(body);
                String resultType = optionalText(node, "resultFileType");
                JsonNode size = node.get("resultSize");
                return new StatusResult.Found(
                        requiredText(node, "receiptNo"),
                        FileType.valueOf(requiredText(node, "fileType")),
                        StatusResult.ReceiptStatus.valueOf(requiredText(node, "status")),
                        resultType == null ? null : FileType.valueOf(resultType),
                        size == null || size.isNull() ? null : size.asLong(),
                        optionalText(node, "message"));
            } catch (JacksonException | IllegalArgumentException e) {
                return new UnexpectedAnswer(status, "unreadable status body (" + e.getMessage() + "): " + preview(body));
            }
        }
        if (status == 404) {
            ErrorBody error = errorBody(body, "K404");
            return new NotFound(error.code, error.message);
        }
        return (StatusResult) common(status, response, body);
    }

    private DownloadResult mapDownloadFailure(int status, ClientResponse response, byte[] body) {
        if (status == 409) {
            ErrorBody error = errorBody(body, "K410");
            return new DownloadResult.NotReady(error.code, error.message);
        }
        if (status == 404) {
            ErrorBody error = errorBody(body, "K404");
            return new NotFound(error.code, error.message);
        }
        return (DownloadResult) common(status, response, body);
    }

    /** Answers every endpoint shares; the returned record implements all three result interfaces. */
    private UploadResult common(int status, ClientResponse response, byte[] body) {
        if (status == 401) {
            ErrorBody error = errorBody(body, "K401");
            return new Unauthorized(error.code, error.message);
        }
        if (status == 429) {
            return new RateLimited(retryAfter(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        }
        if (status >= 500) {
            return new Unavailable(status, preview(body));
        }
        return new UnexpectedAnswer(status, preview(body));
    }

    private Mono<DownloadResult> writeResultFile(ClientResponse response, Path target) {
        String expected = response.headers().asHttpHeaders().getFirst(HEADER_CONTENT_SHA256);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        MessageDigest digest = sha256();
        AtomicLong size = new AtomicLong();
        Flux<DataBuffer> body = response.bodyToFlux(DataBuffer.class)
                .doOnNext(buffer -> {
                    size.addAndGet(buffer.readableByteCount());
                    try (DataBuffer.ByteBufferIterator it = buffer.readableByteBuffers()) {
                        while (it.hasNext()) {
                            digest.update(it.next());
                        }
                    }
                })
                .onErrorMap(RemoteFailure::new);
        return DataBufferUtils.write(body, part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)
                .onErrorMap(e -> !(e instanceof RemoteFailure), e -> new LocalWriteFailure(part, e))
                .then(Mono.fromCallable(() -> verifyAndMove(part, target, expected,
                        HexFormat.of().formatHex(digest.digest()), size.get())).subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(RemoteFailure.class, e -> {
                    deleteQuietly(part);
                    return Mono.just(transportFailure(e.getCause()));
                })
                .doOnError(e -> deleteQuietly(part));
    }

    private DownloadResult verifyAndMove(Path part, Path target, String expected, String actual, long size) {
        if (expected == null || !expected.trim().equalsIgnoreCase(actual)) {
            deleteQuietly(part);
            return new DownloadResult.ChecksumMismatch(expected == null ? null : expected.trim().toLowerCase(Locale.ROOT), actual);
        }
        try {
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalWriteFailure(target, e);
        }
        return new DownloadResult.Downloaded(target, size, actual);
    }

    // ---------------------------------------------------------------- helpers

    private Mono<byte[]> bodyOf(ClientResponse response) {
        return response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY);
    }

    private static Unavailable transportFailure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root != e) {
            detail += " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        if (isTlsFailure(e)) {
            detail = "TLS handshake with KIS failed: check that kis.tls.trust-store holds the CA of KIS's server"
                    + " certificate, that kis.base-url names a host in that certificate and, if KIS requires mutual"
                    + " TLS, that kis.tls.key-store holds this PG's client certificate. " + detail;
        }
        return new Unavailable(0, detail);
    }

    private static boolean isTlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    private record ErrorBody(String code, String message, Integer line) {
    }

    private ErrorBody errorBody(byte[] body, String defaultCode) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                String code = optionalText(node, "code");
                String message = optionalText(node, "message");
                JsonNode line = node.get("line");
                return new ErrorBody(code == null ? defaultCode : code, message == null ? "" : message,
                        line == null || !line.canConvertToInt() ? null : line.asInt());
            }
        } catch (JacksonException e) {
            // not JSON (e.g. a proxy's page): keep the text as the message
        }
        return new ErrorBody(defaultCode, preview(body), null);
    }

    private static String requiredText(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("field '" + field + "' missing");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' missing");
        }
        return value.isNumber() ? value.asInt() : Integer.parseInt(value.asString().trim());
    }

    /** KIS's JSON date format is not fixed by the spec: accept YYYYMMDD (the files' form) and ISO YYYY-MM-DD. */
    static LocalDate parseDate(String text) {
        String t = text.trim();
        return t.length() == 8 ? LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(t);
    }

    /** Retry-After as delta-seconds or an HTTP date; 1 s when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        String h = header.trim();
        try {
            long seconds = Long.parseLong(h);
            return seconds <= 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() || d.isZero() ? DEFAULT_RETRY_AFTER : d;
            } catch (java.time.DateTimeException unreadable) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }

    private static String preview(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, DETAIL_LIMIT), StandardCharsets.UTF_8);
        return body.length > DETAIL_LIMIT ? text + "..." : text;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: a stale .part file is overwritten by the next download
        }
    }

    /** Marks a failure of the network body stream (as opposed to the local disk). */
    private static final class RemoteFailure extends RuntimeException {
        RemoteFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** The result file could not be written or moved locally: not KIS's fault, surfaced as an error. */
    private static final class LocalWriteFailure extends RuntimeException {
        private final Path path;

        LocalWriteFailure(Path path, Throwable cause) {
            super("cannot write the KIS result file " + path + ": " + cause.getMessage(), cause);
            this.path = path;
        }

        UncheckedIOException asUnchecked() {
            Throwable cause = getCause();
            IOException io = cause instanceof IOException e ? e : new IOException(getMessage(), cause);
            return new UncheckedIOException("cannot write the KIS result file " + path + " (check disk space and permissions)", io);
        }
    }
}
