package kr.co.pg.settlement.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded MariaDB (as {@link LocalStack#mariaDb()}: binlog ROW/FULL, root without password) that also accepts
 * TLS connections with a self-signed certificate for 127.0.0.1 made at start ({@link #tls()}: its PEM is the CA to
 * verify the server with). Plain connections are still accepted unless the user was created {@code REQUIRE SSL}.
 * Each instance is its own server: close it when done.
 */
public final class TlsMariaDb implements MariaDbServer, AutoCloseable {

    private final EmbeddedMariaDb server;
    private final TlsFiles tls;
    private final Path tlsDir;

    private TlsMariaDb(EmbeddedMariaDb server, TlsFiles tls, Path tlsDir) {
        this.server = server;
        this.tls = tls;
        this.tlsDir = tlsDir;
    }

    /** Starts a new server with a new certificate (about 4-6 s). */
    public static TlsMariaDb start() {
        Path dir;
        try {
            dir = Files.createTempDirectory(StaleServers.MARIADB_PREFIX + "tls-");
            StaleServers.markOwner(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the TLS files", e);
        }
        TlsFiles tls = TlsFiles.generate(dir);
        try {
            return new TlsMariaDb(EmbeddedMariaDb.startTemporary(tls), tls, dir);
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    public TlsFiles tls() {
        return tls;
    }

    @Override
    public String host() {
        return server.host();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public String username() {
        return server.username();
    }

    @Override
    public String password() {
        return server.password();
    }

    @Override
    public void close() {
        server.close();
        deleteQuietly(tlsDir);
    }

    private static void deleteQuietly(Path dir) {
        try {
            MariaDbBinaries.deleteRecursively(dir);
        } catch (IOException e) {
            // a leftover temporary directory holds only a test certificate
        }
    }
}
