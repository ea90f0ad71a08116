package kr.co.pg.settlement.kis.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Streams a result file (a 200 answer) to disk through a sibling {@code .part} file, hashing on the way, and moves
 * it into place only when the SHA-256 matches KIS's header: a reader of {@code target} never sees a partial or
 * corrupt file, and nothing is left behind otherwise. Never holds the file in memory.
 *
 * <p>A broken network stream is KIS's (or the network's) failure and becomes {@link Unavailable}; a local disk
 * failure is not, and fails the Mono with {@link UncheckedIOException} (see {@link #surfaceLocalFailure}).
 */
final class ResultDownload {

    private ResultDownload() {
    }

    static Mono<DownloadResult> toFile(Flux<DataBuffer> response, String expectedSha256, Path target) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        MessageDigest digest = sha256();
        AtomicLong size = new AtomicLong();
        Flux<DataBuffer> body = response
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
                .then(Mono.fromCallable(() -> verifyAndMove(part, target, expectedSha256,
                        HexFormat.of().formatHex(digest.digest()), size.get())).subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(RemoteFailure.class, e -> {
                    deleteQuietly(part);
                    return Mono.just(TransportFailure.unavailable(e.getCause()));
                })
                .doOnError(e -> deleteQuietly(part));
    }

    /** Every failure but a local write becomes {@link Unavailable}; a local write failure is the caller's error. */
    static Mono<DownloadResult> surfaceLocalFailure(Mono<DownloadResult> download) {
        return download
                .onErrorResume(e -> !(e instanceof LocalWriteFailure), e -> Mono.just(TransportFailure.unavailable(e)))
                .onErrorMap(LocalWriteFailure.class, LocalWriteFailure::asUnchecked);
    }

    private static DownloadResult verifyAndMove(Path part, Path target, String expected, String actual, long size) {
        if (expected == null || !expected.trim().equalsIgnoreCase(actual)) {
            deleteQuietly(part);
            return new DownloadResult.ChecksumMismatch(expected == null ? null : expected.trim().toLowerCase(Locale.ROOT),
                    actual);
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
            return new UncheckedIOException("cannot write the KIS result file " + path
                    + " (check disk space and permissions)", io);
        }
    }
}
