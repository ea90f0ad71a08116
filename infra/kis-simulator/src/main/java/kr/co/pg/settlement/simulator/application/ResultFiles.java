package kr.co.pg.settlement.simulator.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes of result files, and the corrupted copy served under the fault corrupted-result-share. */
final class ResultFiles {

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copy with the trailer's record count one higher (content corrupted, bytes consistent with their hash). */
    static String writeCorruptedCopy(Path good, Path corrupted, int recordLength) throws IOException {
        Path tmp = corrupted.resolveSibling(corrupted.getFileName() + ".tmp");
        Files.copy(good, tmp, StandardCopyOption.REPLACE_EXISTING);
        long trailerStart = Files.size(tmp) - (recordLength + 2L);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer count = ByteBuffer.allocate(7);
            ch.read(count, trailerStart + 1);
            int n = Integer.parseInt(new String(count.array(), StandardCharsets.US_ASCII));
            byte[] patched = String.format("%07d", (n + 1) % 10_000_000).getBytes(StandardCharsets.US_ASCII);
            ch.write(ByteBuffer.wrap(patched), trailerStart + 1);
            ch.force(true);
        }
        Files.move(tmp, corrupted, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return sha256Of(corrupted);
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest d = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private ResultFiles() {
    }
}
