package kr.co.pg.settlement.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A throw-away PKI for TLS tests with plain JDK APIs: EC P-256 keys and X.509 v3 certificates DER-encoded here
 * (the JDK has no public certificate builder), written to PKCS12 stores. Milliseconds, no keytool processes.
 */
final class TestPki {

    /** A key pair with its certificate (and the chain up to, and including, its CA). */
    record Issued(KeyPair keys, X509Certificate certificate, X509Certificate[] chain) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] OID_EC_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);
    private static final byte[] OID_CN = oid(2, 5, 4, 3);
    private static final byte[] OID_BASIC_CONSTRAINTS = oid(2, 5, 29, 19);
    private static final byte[] OID_KEY_USAGE = oid(2, 5, 29, 15);
    private static final byte[] OID_SUBJECT_ALT_NAME = oid(2, 5, 29, 17);

    static Issued certificateAuthority(String name) throws Exception {
        KeyPair keys = keyPair();
        byte[] extensions = seq(
                extension(OID_BASIC_CONSTRAINTS, true, seq(der(0x01, new byte[]{(byte) 0xff}))),
                // keyCertSign (bit 5) and cRLSign (bit 6)
                extension(OID_KEY_USAGE, true, der(0x03, new byte[]{1, 0x06})));
        X509Certificate cert = sign(name, name, keys.getPublic().getEncoded(), extensions, keys.getPrivate());
        return new Issued(keys, cert, new X509Certificate[]{cert});
    }

    /** A leaf certificate for {@code name}, valid for the host names / IP addresses in {@code altNames}. */
    static Issued issue(Issued ca, String name, String... altNames) throws Exception {
        KeyPair keys = keyPair();
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        for (String alt : altNames) {
            if (alt.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                names.write(der(0x87, InetAddress.getByName(alt).getAddress()));
            } else {
                names.write(der(0x82, alt.getBytes(StandardCharsets.US_ASCII)));
            }
        }
        byte[] extensions = altNames.length == 0 ? seq(extension(OID_BASIC_CONSTRAINTS, false, seq()))
                : seq(extension(OID_BASIC_CONSTRAINTS, false, seq()),
                extension(OID_SUBJECT_ALT_NAME, false, der(0x30, names.toByteArray())));
        X509Certificate cert = sign(name, ca.certificate().getSubjectX500Principal().getName().substring(3),
                keys.getPublic().getEncoded(), extensions, ca.keys().getPrivate());
        return new Issued(keys, cert, new X509Certificate[]{cert, ca.certificate()});
    }

    /** A PKCS12 store with the private key and its chain under alias "key". */
    static Path keyStore(Path file, Issued owner, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", owner.keys().getPrivate(), password.toCharArray(), owner.chain());
        return write(store, file, password);
    }

    /** A PKCS12 store trusting the given CA certificates. */
    static Path trustStore(Path file, String password, Issued... cas) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < cas.length; i++) {
            store.setCertificateEntry("ca" + i, cas[i].certificate());
        }
        return write(store, file, password);
    }

    private static Path write(KeyStore store, Path file, String password) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(String subjectCn, String issuerCn, byte[] subjectPublicKeyInfo,
                                        byte[] extensions, PrivateKey issuerKey) throws Exception {
        byte[] algorithm = seq(der(0x06, OID_EC_SHA256));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
        byte[] tbs = seq(
                der(0xa0, der(0x02, new byte[]{2})),
                der(0x02, new BigInteger(63, RANDOM).add(BigInteger.ONE).toByteArray()),
                algorithm,
                name(issuerCn),
                seq(der(0x17, now.minusDays(1).format(utc).getBytes(StandardCharsets.US_ASCII)),
                        der(0x17, now.plusDays(2).format(utc).getBytes(StandardCharsets.US_ASCII))),
                name(subjectCn),
                subjectPublicKeyInfo,
                der(0xa3, extensions));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(issuerKey);
        signature.update(tbs);
        byte[] sig = signature.sign();
        byte[] bits = new byte[sig.length + 1];
        System.arraycopy(sig, 0, bits, 1, sig.length);
        byte[] certificate = seq(tbs, algorithm, der(0x03, bits));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
    }

    private static byte[] name(String cn) {
        return seq(der(0x31, seq(der(0x06, OID_CN), der(0x0c, cn.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] extension(byte[] oid, boolean critical, byte[] value) {
        return critical ? seq(der(0x06, oid), der(0x01, new byte[]{(byte) 0xff}), der(0x04, value))
                : seq(der(0x06, oid), der(0x04, value));
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return der(0x30, out.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int arc = arcs[i];
            int shift = 28;
            while (shift > 0 && (arc >> shift) == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                out.write(0x80 | ((arc >> shift) & 0x7f));
            }
            out.write(arc & 0x7f);
        }
        return out.toByteArray();
    }


    private TestPki() {
    }
}
