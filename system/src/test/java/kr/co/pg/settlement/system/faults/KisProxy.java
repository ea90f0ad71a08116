package kr.co.pg.settlement.system.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between the gateway and the KIS simulator. It counts every upload attempt by its
 * {@code Idempotency-Key} (the file id), including repeats the simulator absorbs (it lists a file once), and can
 * lose KIS's answers: requests still reach KIS and are accepted, the answers never reach the gateway, which times
 * out ("KIS accepted, the PG does not know").
 */
final class KisProxy implements AutoCloseable {

    private static final byte[] KEY_HEADER = "\nidempotency-key:".getBytes(StandardCharsets.US_ASCII);

    private final int upstreamPort;
    private final ServerSocket server;
    private final Map<String, AtomicInteger> uploads = new ConcurrentHashMap<>();
    private final Map<Socket, Boolean> open = new ConcurrentHashMap<>();
    private volatile boolean loseAnswers;
    private volatile boolean closed;

    KisProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        // load every class of the relay now: a build rewriting the class directory later must not break it mid-run
        new KeyScanner().scan(new byte[0], 0);
        Thread acceptor = new Thread(this::accept, "kis-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void loseAnswers(boolean lose) {
        this.loseAnswers = lose;
    }

    /** Upload attempts per file id since the start. */
    Map<String, Integer> uploadsByFileId() {
        Map<String, Integer> copy = new TreeMap<>();
        uploads.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getByName("127.0.0.1"), upstreamPort);
                open.put(client, true);
                open.put(upstream, true);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("kis-proxy: " + e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean request) {
        KeyScanner scanner = new KeyScanner();
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (request) {
                        scanner.scan(buffer, n);
                        out.write(buffer, 0, n);
                    } else if (!loseAnswers) {
                        out.write(buffer, 0, n);
                    }
                    out.flush();
                }
            } catch (IOException | RuntimeException | Error e) {
                // one side closed (or the relay broke): close both below, the client sees a dropped connection
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, request ? "kis-proxy-request" : "kis-proxy-answer");
        t.setDaemon(true);
        t.start();
    }

    /** Finds "Idempotency-Key: value" header lines in a request stream, across read boundaries. */
    private final class KeyScanner {
        private int matched;
        private StringBuilder value;

        void scan(byte[] b, int n) {
            for (int i = 0; i < n; i++) {
                int c = b[i] & 0xff;
                if (value != null) {
                    if (c == '\r' || c == '\n') {
                        uploads.computeIfAbsent(value.toString().strip(), k -> new AtomicInteger()).incrementAndGet();
                        value = null;
                        matched = c == '\n' ? 1 : 0;
                    } else if (value.length() < 100) {
                        value.append((char) c);
                    }
                    continue;
                }
                int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
                if (lower == KEY_HEADER[matched]) {
                    matched++;
                    if (matched == KEY_HEADER.length) {
                        value = new StringBuilder();
                        matched = 0;
                    }
                } else {
                    matched = lower == '\n' ? 1 : 0;
                }
            }
        }
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        open.keySet().forEach(this::closeQuietly);
    }
}
