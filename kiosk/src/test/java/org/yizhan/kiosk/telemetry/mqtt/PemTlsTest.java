package org.yizhan.kiosk.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEM reading with the JDK alone. Keys are made here and written in each format OpenSSL uses; the full TLS
 * handshake with certificates made by OpenSSL is in {@link MosquittoInteropTest}.
 */
class PemTlsTest {

    /** P-256's OID, 1.2.840.10045.3.1.7, in DER. */
    private static final byte[] P256 = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};

    private static KeyPair rsa;
    private static KeyPair ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        rsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGenerator.generateKeyPair();
    }

    @Test
    void reads_a_pkcs8_key_as_openssl_3_writes_it() throws Exception {
        Path file = pem("kiosk.key", "PRIVATE KEY", rsa.getPrivate().getEncoded());

        PrivateKey key = PemTls.privateKey(file, rsa.getPublic());

        assertArrayEquals(rsa.getPrivate().getEncoded(), key.getEncoded());
    }

    @Test
    void reads_a_traditional_rsa_key() throws Exception {
        // given the PKCS#1 form, "BEGIN RSA PRIVATE KEY" (openssl genrsa -traditional)
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) rsa.getPrivate();
        byte[] pkcs1 = sequence(integer(BigInteger.ZERO), integer(k.getModulus()), integer(k.getPublicExponent()),
                integer(k.getPrivateExponent()), integer(k.getPrimeP()), integer(k.getPrimeQ()),
                integer(k.getPrimeExponentP()), integer(k.getPrimeExponentQ()), integer(k.getCrtCoefficient()));
        Path file = pem("kiosk.key", "RSA PRIVATE KEY", pkcs1);

        // when
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) PemTls.privateKey(file, rsa.getPublic());

        // then
        assertEquals(k.getPrivateExponent(), key.getPrivateExponent());
    }

    @Test
    void reads_a_traditional_ec_key() throws Exception {
        // given the SEC1 form, "BEGIN EC PRIVATE KEY" (openssl ecparam -genkey), with its curve
        byte[] s = unsigned(((ECPrivateKey) ec.getPrivate()).getS(), 32);
        byte[] sec1 = sequence(integer(BigInteger.ONE), der(0x04, s), der(0xA0, P256));
        Path file = pem("kiosk.key", "EC PRIVATE KEY", sec1);

        // when
        ECPrivateKey key = (ECPrivateKey) PemTls.privateKey(file, ec.getPublic());

        // then
        assertEquals(((ECPrivateKey) ec.getPrivate()).getS(), key.getS());
    }

    @Test
    void refuses_a_key_that_is_not_the_certificates() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Path file = pem("other.key", "PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PemTls.privateKey(file, ec.getPublic()));

        assertTrue(e.getMessage().endsWith("this key does not belong to the client certificate"), e.getMessage());
    }

    @Test
    void refuses_an_encrypted_key_with_how_to_store_it_instead() throws Exception {
        Path file = pem("kiosk.key", "ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PemTls.privateKey(file, rsa.getPublic()));

        assertTrue(e.getMessage().contains("the key is encrypted"), e.getMessage());
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
    }

    @Test
    void reads_every_certificate_of_a_bundle_and_refuses_a_file_without_one() throws Exception {
        // given two CA certificates from the JDK's own trust store, one after the other in a PEM file
        List<X509Certificate> cas = jdkCertificates().subList(0, 2);
        Path bundle = dir.resolve("ca.pem");
        Files.writeString(bundle, text("CERTIFICATE", cas.get(0).getEncoded()) + text("CERTIFICATE",
                cas.get(1).getEncoded()));
        Path notPem = Files.writeString(dir.resolve("ca.der"), "not a certificate");

        // when
        List<X509Certificate> read = PemTls.certificates(bundle);

        // then
        assertEquals(cas, read);
        assertNotNull(PemTls.socketFactory(bundle, null, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PemTls.certificates(notPem));
        assertTrue(e.getMessage().endsWith("no PEM certificate (-----BEGIN CERTIFICATE-----) in it"), e.getMessage());
    }

    private static List<X509Certificate> jdkCertificates() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        X509TrustManager trust = (X509TrustManager) factory.getTrustManagers()[0];
        return Arrays.asList(trust.getAcceptedIssuers());
    }

    private Path pem(String name, String type, byte[] der) throws IOException {
        return Files.writeString(dir.resolve(name), text(type, der));
    }

    private static String text(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
        return fixed;
    }

    private static byte[] integer(BigInteger value) {
        return der(0x02, value.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return der(0x30, content.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (content.length < 0x80) {
            out.write(content.length);
        } else if (content.length < 0x100) {
            out.write(0x81);
            out.write(content.length);
        } else {
            out.write(0x82);
            out.write(content.length >>> 8);
            out.write(content.length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
