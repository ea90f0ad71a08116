package kr.co.pg.settlement.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a payload is stored in {@code outbox_event.payload} and what the relay publishes of it. A large payload is
 * stored gzip-compressed: a whole S1 file of 10,000 records is about 4 MB of JSON, written once into the table, once
 * into the binlog by its INSERT and once more by the cleaner's DELETE (FULL row image), then decoded by the relay's
 * binlog client. Stored compressed it is several times smaller in each of them; the topic still gets the plain bytes.
 * A stored payload starting with the gzip magic bytes is inflated before it is published; anything else (JSON, and
 * every row written before compression) is published as it is. JSON text never starts with byte 0x1f.
 */
public final class OutboxPayloads {

    /** Smaller payloads (kick-offs, slices, submissions) stay plain: readable with a SQL client, nothing to gain. */
    public static final int COMPRESS_FROM_BYTES = 16 * 1024;
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;

    private OutboxPayloads() {
    }

    /** The bytes to store for {@code payload}: gzip (fastest level) from {@link #COMPRESS_FROM_BYTES}, else as is. */
    public static byte[] stored(byte[] payload) {
        if (payload.length < COMPRESS_FROM_BYTES) {
            return payload;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 6);
        try (GZIPOutputStream gzip = new FastGzip(out)) {
            gzip.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress an outbox payload", e);
        }
        return out.toByteArray();
    }

    /** The bytes to publish for a stored payload: inflated if it was stored compressed. */
    public static byte[] published(byte[] stored) {
        if (!isCompressed(stored)) {
            return stored;
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored), 64 * 1024)) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new OutboxRelayException("a compressed outbox payload of " + stored.length
                    + " bytes cannot be inflated: " + e.getMessage(), e);
        }
    }

    static boolean isCompressed(byte[] stored) {
        return stored.length >= 2 && (stored[0] & 0xff) == GZIP_MAGIC_0 && (stored[1] & 0xff) == GZIP_MAGIC_1;
    }

    /** Level 1: JSON of repeated field names still shrinks several times, at a fraction of the default's CPU. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
