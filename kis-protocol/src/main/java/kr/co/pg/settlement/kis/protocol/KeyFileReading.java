package kr.co.pg.settlement.kis.protocol;

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

/**
 * One reading of a file holding a {@link KisSigner} key: the key (UTF-8 text, surrounding whitespace ignored) and the
 * file's modification time, size and file key (inode) when it was read. The client and the simulator keep their keys
 * in such files and read them again once {@link #isStale}: rotation without restart is writing a sibling file and
 * renaming it over this one, which changes the inode even within one modification-time tick. Nothing read from the
 * file is ever put in a message.
 */
public record KeyFileReading(String key, FileTime modified, long size, Object fileKey) {

    /**
     * @throws InvalidKeyFileException the file is not UTF-8 text or holds only whitespace
     * @throws IOException             it cannot be read (the message of such an exception is its path, never content)
     */
    public static KeyFileReading read(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        byte[] bytes = Files.readAllBytes(file);
        String key;
        try {
            key = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new InvalidKeyFileException("not UTF-8 text");
        }
        if (key.isEmpty()) {
            throw new InvalidKeyFileException("empty");
        }
        return new KeyFileReading(key, attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
    }

    /** Whether the file changed since this reading (modification time, size or inode). */
    public boolean isStale(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return !attributes.lastModifiedTime().equals(modified) || attributes.size() != size
                || !Objects.equals(attributes.fileKey(), fileKey);
    }

    /** The file can be read but holds no key; the message is the reason ("empty", "not UTF-8 text"). */
    public static final class InvalidKeyFileException extends IOException {

        InvalidKeyFileException(String reason) {
            super(reason);
        }
    }

    /** The key is left out so that the value can be logged. */
    @Override
    public String toString() {
        return "KeyFileReading[***, modified " + modified + ", " + size + " bytes]";
    }
}
