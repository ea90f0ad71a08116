package kr.co.pg.settlement.kis.client;

/**
 * Turns a failure without an HTTP answer (refused, timed out, dropped, TLS) into {@link Unavailable}, with a
 * detail an operator can act on: the root cause, and for TLS what to check in the configuration.
 */
final class TransportFailure {

    private TransportFailure() {
    }

    static Unavailable unavailable(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root != e) {
            detail += " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        if (isTlsFailure(e)) {
            detail = "TLS handshake with KIS failed: check that kis.tls.trust-store holds the CA of KIS's server"
                    + " certificate, that kis.base-url names a host in that certificate and, if KIS requires mutual"
                    + " TLS, that kis.tls.key-store holds this PG's client certificate. " + detail;
        }
        return new Unavailable(0, detail);
    }

    static boolean isTlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }
}
