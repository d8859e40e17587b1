package org.yizhan.kiosk.telemetry.mqtt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the broker connection from PEM files, with the JDK alone (the kiosk carries no BouncyCastle): the
 * CA certificates to trust, and optionally the kiosk's certificate chain and private key for client
 * authentication. Keys may be PKCS#8 ({@code BEGIN PRIVATE KEY}, what OpenSSL 3 writes), or the traditional
 * {@code BEGIN RSA PRIVATE KEY} and {@code BEGIN EC PRIVATE KEY}, which are rewrapped as PKCS#8; encrypted
 * keys are refused (a password for the key would have to sit next to it on the same SD card).
 *
 * <p>Everything is checked when the factory is made, so a wrong file is reported at start with its name,
 * not as a handshake failure at every reconnect: {@link IllegalArgumentException}s say which file and what.
 */
final class PemTls {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    // Only ever in memory: the JDK's KeyManagerFactory wants a key store, and a key store wants a password.
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private PemTls() {
    }

    /**
     * A socket factory trusting the certificates of {@code caFile} (the JDK's trust store when null) and,
     * when {@code certFile} is not null, presenting that chain with the key of {@code keyFile}.
     */
    static SSLSocketFactory socketFactory(Path caFile, Path certFile, Path keyFile) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile == null) {
                trust.init((KeyStore) null);
            } else {
                KeyStore anchors = emptyStore();
                List<X509Certificate> cas = certificates(caFile);
                for (int i = 0; i < cas.size(); i++) {
                    anchors.setCertificateEntry("ca-" + i, cas.get(i));
                }
                trust.init(anchors);
            }
            KeyManagerFactory keys = null;
            if (certFile != null) {
                List<X509Certificate> chain = certificates(certFile);
                PrivateKey key = privateKey(keyFile, chain.get(0).getPublicKey());
                KeyStore own = emptyStore();
                own.setKeyEntry("kiosk", key, IN_MEMORY, chain.toArray(new Certificate[0]));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(own, IN_MEMORY);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The certificates of a PEM file, in file order; at least one. */
    static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file)) {
                if (block.type().equals("CERTIFICATE")) {
                    certificates.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + ": not a valid certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
        }
        return certificates;
    }

    /** The private key of a PEM file, which must belong to {@code publicKey}. */
    static PrivateKey privateKey(Path file, PublicKey publicKey) {
        List<Block> found = blocks(file).stream().filter(block -> block.type().endsWith("PRIVATE KEY")).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one PEM private key, found " + found.size());
        }
        Block block = found.get(0);
        if (block.encrypted()) {
            throw new IllegalArgumentException(file + ": the key is encrypted; store it unencrypted, readable by the"
                    + " kiosk's user only (openssl pkcs8 -topk8 -nocrypt)");
        }
        byte[] pkcs8 = switch (block.type()) {
            case "PRIVATE KEY" -> block.der();
            case "RSA PRIVATE KEY" -> sequence(VERSION_0, RSA_ALGORITHM, der(0x04, block.der()));
            case "EC PRIVATE KEY" -> sequence(VERSION_0, sequence(EC_PUBLIC_KEY_OID, curveOf(file, publicKey)),
                    der(0x04, block.der()));
            default -> throw new IllegalArgumentException(file + ": a '" + block.type() + "' is not supported;"
                    + " convert it to PKCS#8 (openssl pkcs8 -topk8 -nocrypt)");
        };
        PrivateKey key;
        try {
            key = KeyFactory.getInstance(publicKey.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a valid " + publicKey.getAlgorithm()
                    + " private key: " + e.getMessage(), e);
        }
        if (!belongTogether(key, publicKey)) {
            throw new IllegalArgumentException(file + ": this key does not belong to the client certificate");
        }
        return key;
    }

    private static byte[] curveOf(Path file, PublicKey publicKey) {
        if (!(publicKey instanceof ECPublicKey ec)) {
            throw new IllegalArgumentException(file + ": an EC key, but the certificate's key is "
                    + publicKey.getAlgorithm());
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(ec.getParams());
            // the DER of the named curve's OID, which PKCS#8 puts in the algorithm identifier
            return parameters.getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(file + ": the certificate's curve is not supported: " + e.getMessage(), e);
        }
    }

    private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            // nothing to check with; a mismatch then shows as a failed handshake
            return true;
        }
        try {
            byte[] probe = "yizhan".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private record Block(String type, byte[] der, boolean encrypted) {
    }

    private static List<Block> blocks(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            // traditional OpenSSL encryption writes "Proc-Type: 4,ENCRYPTED" headers inside the block
            boolean encrypted = type.startsWith("ENCRYPTED") || m.group(2).contains("ENCRYPTED");
            try {
                byte[] der = encrypted ? new byte[0] : Base64.getMimeDecoder().decode(m.group(2));
                blocks.add(new Block(type, der, encrypted));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": the " + type + " block is not valid base64", e);
            }
        }
        return blocks;
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return der(0x30, content.toByteArray());
    }

    /** A DER element: tag, definite length, content. */
    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
