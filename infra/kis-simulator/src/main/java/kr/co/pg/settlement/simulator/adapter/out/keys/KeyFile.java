package kr.co.pg.settlement.simulator.adapter.out.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import kr.co.pg.settlement.kis.protocol.KeyFileReading;
import kr.co.pg.settlement.simulator.application.KeySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's HMAC key kept in a file (UTF-8, surrounding whitespace ignored), re-read when the file changes
 * (modification time, size or inode - write a sibling file and rename it over this one). A missing or empty file
 * fails the start; later, an unreadable or empty file keeps the key read before and logs a warning once. The key
 * itself is never logged or put in a message.
 */
public final class KeyFile implements KeySource {

    private static final Logger log = LoggerFactory.getLogger(KeyFile.class);

    private final Path file;
    private volatile KeyFileReading snapshot;
    private volatile String lastProblem;

    public KeyFile(Path file) {
        this.file = Objects.requireNonNull(file);
        try {
            snapshot = KeyFileReading.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("kis.simulator.security.secret-files: " + file + " " + reason(e)
                    + " (the file must hold the client's HMAC key)");
        }
    }

    @Override
    public String current() {
        KeyFileReading s = snapshot;
        try {
            if (s.isStale(file)) {
                s = KeyFileReading.read(file);
                snapshot = s;
                lastProblem = null;
            }
        } catch (IOException e) {
            String problem = reason(e);
            if (!problem.equals(lastProblem)) {
                lastProblem = problem;
                log.warn("key file {} {}: the key read before stays current. Write the new key to a temporary file and"
                        + " rename it over {}", file, problem, file);
            }
        }
        return s.key();
    }

    private static String reason(IOException e) {
        // an IOException's message is a path, never file content
        return e instanceof KeyFileReading.InvalidKeyFileException ? "is " + e.getMessage()
                : "cannot be read (" + e.getClass().getSimpleName() + ")";
    }

    @Override
    public String toString() {
        return "KeyFile[" + file + ", ***]";
    }
}
