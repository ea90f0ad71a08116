package kr.co.pg.settlement.kis.client;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A key kept in a file and re-read when the file changes (modification time, size or inode), or at the latest after
 * {@code maxAge}: rotation without restart. Errors name the file and the reason, never the content.
 */
final class SecretFile implements KisSecret {

    private static final Log log = LogFactory.getLog(SecretFile.class);

    private record Snapshot(String secret, FileTime modified, long size, Object fileKey, long readAtMillis) {
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
        } catch (SecretFileProblem e) {
            throw new IllegalArgumentException("kis.secret-file " + file + ": " + e.getMessage()
                    + " (the file must hold the KIS HMAC key, readable by this service)");
        }
    }

    @Override
    public String current() {
        Snapshot s = snapshot;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            // a rename over the file (the safe way to rotate) changes its inode even within the same mtime tick
            boolean changed = !attributes.lastModifiedTime().equals(s.modified()) || attributes.size() != s.size()
                    || !Objects.equals(attributes.fileKey(), s.fileKey());
            if (changed || clock.millis() - s.readAtMillis() >= maxAgeMillis) {
                Snapshot fresh = read();
                if (!fresh.secret().equals(s.secret())) {
                    log.info("KIS HMAC key re-read from " + file + ": requests are now signed with the new key");
                }
                snapshot = fresh;
                lastProblem = null;
                return fresh.secret();
            }
        } catch (IOException | SecretFileProblem e) {
            String problem = e instanceof SecretFileProblem ? e.getMessage() : e.getClass().getSimpleName();
            if (!problem.equals(lastProblem)) {
                lastProblem = problem;
                log.warn("kis.secret-file " + file + " cannot be read now (" + problem + "): still signing with the key"
                        + " read before. Write the new key to a temporary file and rename it over " + file);
            }
        }
        return s.secret();
    }

    private Snapshot read() {
        try {
            BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString().strip();
            } catch (CharacterCodingException e) {
                throw new SecretFileProblem("not UTF-8 text");
            }
            if (text.isEmpty()) {
                throw new SecretFileProblem("empty");
            }
            return new Snapshot(text, before.lastModifiedTime(), before.size(), before.fileKey(), clock.millis());
        } catch (IOException e) {
            // the message of a NoSuchFile/AccessDenied exception is the path; never any content
            throw new SecretFileProblem(e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "KisSecret[file " + file + ", ***]";
    }

    private static final class SecretFileProblem extends RuntimeException {
        SecretFileProblem(String reason) {
            super(reason, null, false, false);
        }
    }
}
