package kr.co.pg.settlement.kis.client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import kr.co.pg.settlement.kis.protocol.KeyFileReading;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A key kept in a file and re-read when the file changes (modification time, size or inode), or at the latest after
 * {@code maxAge}: rotation without restart. Errors name the file and the reason, never the content.
 */
final class SecretFile implements KisSecret {

    private static final Log log = LogFactory.getLog(SecretFile.class);

    private record Snapshot(KeyFileReading reading, long readAtMillis) {
    }

    private final Path file;
    private final Clock clock;
    private final long maxAgeMillis;
    private volatile Snapshot snapshot;
    /** The last failure reported, so that a file broken for a while is logged once, not on every request. */
    private volatile String lastProblem;

    SecretFile(Path file, Clock clock, Duration maxAge) {
        this.file = Objects.requireNonNull(file, "kis secret file");
        this.clock = clock;
        this.maxAgeMillis = maxAge.toMillis();
        try {
            this.snapshot = read();
        } catch (IOException e) {
            throw new IllegalArgumentException("kis.secret-file " + file + ": " + reason(e)
                    + " (the file must hold the KIS HMAC key, readable by this service)");
        }
    }

    @Override
    public String current() {
        Snapshot s = snapshot;
        try {
            if (s.reading().isStale(file) || clock.millis() - s.readAtMillis() >= maxAgeMillis) {
                Snapshot fresh = read();
                if (!fresh.reading().key().equals(s.reading().key())) {
                    log.info("KIS HMAC key re-read from " + file + ": requests are now signed with the new key");
                }
                snapshot = fresh;
                lastProblem = null;
                return fresh.reading().key();
            }
        } catch (IOException e) {
            String problem = reason(e);
            if (!problem.equals(lastProblem)) {
                lastProblem = problem;
                log.warn("kis.secret-file " + file + " cannot be read now (" + problem + "): still signing with the key"
                        + " read before. Write the new key to a temporary file and rename it over " + file);
            }
        }
        return s.reading().key();
    }

    private Snapshot read() throws IOException {
        return new Snapshot(KeyFileReading.read(file), clock.millis());
    }

    /** What is wrong with the file: "empty", "not UTF-8 text", else the exception's class (its message is a path). */
    private static String reason(IOException e) {
        return e instanceof KeyFileReading.InvalidKeyFileException ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "KisSecret[file " + file + ", ***]";
    }
}
