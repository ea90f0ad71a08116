package kr.co.pg.settlement.simulator.adapter.out.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
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

    private record Snapshot(String key, FileTime modified, long size, Object fileKey) {
    }

    private final Path file;
    private volatile Snapshot snapshot;
    private volatile String lastProblem;

    public KeyFile(Path file) {
        this.file = Objects.requireNonNull(file);
        try {
            snapshot = read();
        } catch (IOException | Problem e) {
            throw new IllegalArgumentException("kis.simulator.security.secret-files: " + file + " " + reason(e)
                    + " (the file must hold the client's HMAC key)");
        }
    }

    @Override
    public String current() {
        Snapshot s = snapshot;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.lastModifiedTime().equals(s.modified()) || a.size() != s.size() || !Objects.equals(a.fileKey(), s.fileKey())) {
                s = read();
                snapshot = s;
                lastProblem = null;
            }
        } catch (IOException | Problem e) {
            String problem = reason(e);
            if (!problem.equals(lastProblem)) {
                lastProblem = problem;
                log.warn("key file {} {}: the key read before stays current. Write the new key to a temporary file and"
                        + " rename it over {}", file, problem, file);
            }
        }
        return s.key();
    }

    private Snapshot read() throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        byte[] bytes = Files.readAllBytes(file);
        String key;
        try {
            key = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new Problem("is not UTF-8 text");
        }
        if (key.isEmpty()) {
            throw new Problem("is empty");
        }
        return new Snapshot(key, a.lastModifiedTime(), a.size(), a.fileKey());
    }

    private static String reason(Exception e) {
        // an IOException's message is a path, never file content
        return e instanceof Problem ? e.getMessage() : "cannot be read (" + e.getClass().getSimpleName() + ")";
    }

    @Override
    public String toString() {
        return "KeyFile[" + file + ", ***]";
    }

    private static final class Problem extends RuntimeException {
        Problem(String reason) {
            super(reason, null, false, false);
        }
    }
}
