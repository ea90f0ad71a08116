package kr.co.pg.settlement.localstack;

/**
 * An embedded MariaDB (as {@link LocalStack#mariaDb()}: binlog ROW/FULL, root without password) that also accepts
 * TLS connections with a self-signed certificate for 127.0.0.1 made at start ({@link #tls()}: its PEM is the CA to
 * verify the server with). Plain connections are still accepted unless the user was created {@code REQUIRE SSL}.
 * Each instance is its own server: close it when done.
 */
public record TlsMariaDb(EmbeddedMariaDb server, TlsFiles tls) implements DelegatingMariaDb, AutoCloseable {

    /** Starts a new server with a new certificate (about 4-6 s). */
    public static TlsMariaDb start() {
        return TlsFiles.startWithTemporary(StaleServers.MARIADB_PREFIX + "tls-",
                tls -> new TlsMariaDb(EmbeddedMariaDb.startTemporary(tls), tls));
    }

    @Override
    public void close() {
        server.close();
        tls.deleteQuietly();
    }
}
