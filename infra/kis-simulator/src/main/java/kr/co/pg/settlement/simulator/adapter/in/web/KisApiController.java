package kr.co.pg.settlement.simulator.adapter.in.web;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisSigner;
import kr.co.pg.settlement.simulator.application.Authenticator;
import kr.co.pg.settlement.simulator.application.IntakeResult;
import kr.co.pg.settlement.simulator.application.Receipt;
import kr.co.pg.settlement.simulator.application.ReceiptInfo;
import kr.co.pg.settlement.simulator.application.ResultFile;
import kr.co.pg.settlement.simulator.application.SimulatorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The KIS API of kis-interface.md section 2. */
@RestController
class KisApiController {

    private static final Logger log = LoggerFactory.getLogger(KisApiController.class);
    static final String HEADER_FILE_TYPE = "X-KIS-File-Type";
    static final String HEADER_IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String HEADER_CONTENT_SHA256 = "X-KIS-Content-SHA256";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String EMPTY_SHA256 = KisSigner.sha256Hex(new byte[0]);

    private final SimulatorService simulator;
    private final Authenticator authenticator;
    private final long maxUploadBytes;

    KisApiController(SimulatorService simulator, Authenticator authenticator, kr.co.pg.settlement.simulator.SimulatorProperties settings) {
        this.simulator = simulator;
        this.authenticator = authenticator;
        this.maxUploadBytes = settings.maxUploadBytes();
    }

    @PostMapping("/v1/files")
    Mono<ResponseEntity<Object>> upload(ServerHttpRequest request) {
        HttpHeaders h = request.getHeaders();
        Optional<String> pre = authenticator.precheck(h.getFirst(KisSigner.HEADER_CLIENT_ID), h.getFirst(KisSigner.HEADER_TIMESTAMP));
        if (pre.isPresent()) {
            return Mono.just(unauthorized(pre.get()));
        }
        long declared = h.getContentLength();
        if (declared > maxUploadBytes) {
            return Mono.just(tooLarge(declared));
        }
        return Mono.fromCallable(simulatorIncoming()).subscribeOn(Schedulers.boundedElastic()).flatMap(incoming -> {
            MessageDigest digest = sha256();
            AtomicLong size = new AtomicLong();
            Flux<DataBuffer> body = request.getBody().handle((buffer, sink) -> {
                if (size.addAndGet(buffer.readableByteCount()) > maxUploadBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new BodyTooLarge());
                    return;
                }
                try (DataBuffer.ByteBufferIterator it = buffer.readableByteBuffers()) {
                    while (it.hasNext()) {
                        digest.update(it.next());
                    }
                }
                sink.next(buffer);
            });
            // written synchronously to a channel as the buffers arrive (page cache, microseconds): the Path variant
            // hands every buffer to an AsynchronousFileChannel thread, which cost more CPU than the write itself
            Mono<Void> written = Mono.using(
                    () -> FileChannel.open(incoming, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                    channel -> DataBufferUtils.write(body, channel).doOnNext(DataBufferUtils::release).then(),
                    KisApiController::closeQuietly);
            return written
                    .then(Mono.fromCallable(() -> afterBody(request, incoming, HexFormat.of().formatHex(digest.digest())))
                            .subscribeOn(Schedulers.boundedElastic()))
                    .onErrorResume(BodyTooLarge.class, e -> Mono.just(tooLarge(size.get())))
                    .doFinally(signal -> deleteQuietly(incoming));
        });
    }

    private java.util.concurrent.Callable<Path> simulatorIncoming() {
        return simulator::newIncomingFile;
    }

    private ResponseEntity<Object> afterBody(ServerHttpRequest request, Path incoming, String sha256) {
        HttpHeaders h = request.getHeaders();
        Optional<String> auth = authenticator.verify("POST", pathWithQuery(request), h.getFirst(KisSigner.HEADER_CLIENT_ID),
                h.getFirst(KisSigner.HEADER_TIMESTAMP), h.getFirst(KisSigner.HEADER_SIGNATURE), sha256);
        if (auth.isPresent()) {
            return unauthorized(auth.get());
        }
        String typeHeader = h.getFirst(HEADER_FILE_TYPE);
        if (!"R1".equals(typeHeader) && !"S1".equals(typeHeader)) {
            return KisErrors.error(422, "K422", "X-KIS-File-Type must be R1 or S1, got '" + typeHeader + "'");
        }
        String key = h.getFirst(HEADER_IDEMPOTENCY_KEY);
        if (key == null || !KEY.matcher(key).matches()) {
            return KisErrors.error(400, "K400", "Idempotency-Key must be 1-64 of [A-Za-z0-9._-], got '" + key + "'");
        }
        IntakeResult result = simulator.intake(FileType.valueOf(typeHeader), key, incoming, sha256);
        if (result instanceof IntakeResult.Accepted a) {
            return ResponseEntity.status(a.repeated() ? 200 : 202).contentType(MediaType.APPLICATION_JSON)
                    .body(acceptedBody(a.info()));
        }
        if (result instanceof IntakeResult.Conflict c) {
            log.info("upload refused 409: {}", c.message());
            return KisErrors.error(409, "K409", c.message());
        }
        IntakeResult.Refused r = (IntakeResult.Refused) result;
        log.info("upload refused 422 (Idempotency-Key {}): {}", key, r.message());
        return KisErrors.error(422, "K422", r.message(), r.line());
    }

    static Map<String, Object> acceptedBody(ReceiptInfo i) {
        Map<String, Object> m = i.describe();
        m.put("status", "RECEIVED");
        return m;
    }

    @GetMapping("/v1/files/{receiptNo}")
    ResponseEntity<Object> status(ServerHttpRequest request, @PathVariable String receiptNo) {
        return signedGetOf(request, receiptNo, this::status);
    }

    private ResponseEntity<Object> status(Receipt receipt) {
        ReceiptInfo i = receipt.info();
        Receipt.Status status = simulator.status(receipt);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receiptNo", i.receiptNo());
        m.put("fileType", i.fileType().name());
        m.put("status", status.name());
        m.put("resultFileType", i.resultFileType().name());
        if (status == Receipt.Status.DONE) {
            m.put("resultSize", receipt.outcome().resultSize());
        }
        if (status == Receipt.Status.FAILED) {
            m.put("message", receipt.outcome().message());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(m);
    }

    @GetMapping("/v1/files/{receiptNo}/result")
    ResponseEntity<Object> result(ServerHttpRequest request, @PathVariable String receiptNo) {
        return signedGetOf(request, receiptNo, this::result);
    }

    private ResponseEntity<Object> result(Receipt receipt) {
        Optional<ResultFile> file = simulator.result(receipt);
        if (file.isEmpty()) {
            return KisErrors.error(409, "K410", "result of receipt " + receipt.info().receiptNo() + " is not ready: status "
                    + simulator.status(receipt));
        }
        ResultFile f = file.get();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(f.size())
                .header(HEADER_CONTENT_SHA256, f.sha256())
                .body(new FileSystemResource(f.path()));
    }

    /** The answer about a receipt to a signed GET: 401 when the signature is wrong, 404 for an unknown receipt. */
    private ResponseEntity<Object> signedGetOf(ServerHttpRequest request, String receiptNo,
                                               Function<Receipt, ResponseEntity<Object>> answer) {
        Optional<String> auth = verifyGet(request);
        if (auth.isPresent()) {
            return unauthorized(auth.get());
        }
        return simulator.receipt(receiptNo).map(answer)
                .orElseGet(() -> KisErrors.error(404, "K404", "unknown receipt " + receiptNo));
    }

    private Optional<String> verifyGet(ServerHttpRequest request) {
        HttpHeaders h = request.getHeaders();
        return authenticator.verify(request.getMethod().name(), pathWithQuery(request),
                h.getFirst(KisSigner.HEADER_CLIENT_ID), h.getFirst(KisSigner.HEADER_TIMESTAMP),
                h.getFirst(KisSigner.HEADER_SIGNATURE), EMPTY_SHA256);
    }

    private static String pathWithQuery(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return request.getURI().getRawPath() + (query == null ? "" : "?" + query);
    }

    private static ResponseEntity<Object> unauthorized(String why) {
        log.warn("401 K401: {}", why);
        return KisErrors.error(401, "K401", why);
    }

    private ResponseEntity<Object> tooLarge(long size) {
        return KisErrors.error(413, "K413", "body of " + size + " bytes is over the limit of " + maxUploadBytes + " bytes");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (java.io.IOException e) {
            log.warn("cannot close an incoming upload file: {}", e.toString());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException ignored) {
            // stale incoming file, harmless
        }
    }

    private static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super("upload over the size limit", null, false, false);
        }
    }
}
