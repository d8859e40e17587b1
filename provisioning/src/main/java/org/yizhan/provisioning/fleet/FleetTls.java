package org.yizhan.provisioning.fleet;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.yizhan.provisioning.files.AtomicFiles;

/**
 * The fleet's own certificate authority for the broker's TLS: a CA certificate that kiosks trust
 * ({@code mqtt.ca-file}), the broker's server certificate naming the hosts kiosks connect to, and on request a
 * client certificate per kiosk. Keys are ECDSA P-256 (small certificates, fast handshakes on a Pi), signatures
 * SHA-256; private keys are written as unencrypted PKCS#8 PEM, owner-only, which both Mosquitto and the kiosk
 * read. Validity: the CA 10 years, the server and clients 825 days (what browsers and most TLS stacks still
 * accept for a leaf). Files:
 * <pre>
 * FLEET/tls/ca.crt, ca.key          the CA (ca.key 0600: it can mint certificates the broker accepts)
 * FLEET/tls/server.crt, server.key  the broker's
 * FLEET/kiosks/SITE.KIOSK/client.crt, client.key   with enroll --client-cert
 * </pre>
 * Not thread-safe.
 */
public final class FleetTls {

    public static final String DIR = "tls";
    public static final String CA_CERT = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String SERVER_CERT = "server.crt";
    public static final String SERVER_KEY = "server.key";
    public static final String CLIENT_CERT = "client.crt";
    public static final String CLIENT_KEY = "client.key";
    static final Duration CA_VALIDITY = Duration.ofDays(3653);
    static final Duration LEAF_VALIDITY = Duration.ofDays(825);

    private final X509Certificate ca;
    private final PrivateKey caKey;
    private final SecureRandom random;

    private FleetTls(X509Certificate ca, PrivateKey caKey, SecureRandom random) {
        this.ca = ca;
        this.caKey = caKey;
        this.random = random;
    }

    /** A new CA for the fleet named {@code fleetName}, valid from {@code now}. */
    static FleetTls create(String fleetName, Instant now, SecureRandom random) {
        KeyPair pair = keyPair(random);
        X500Name subject = name("Yizhan fleet CA " + fleetName);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_VALIDITY)), subject,
                pair.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
            return new FleetTls(sign(builder, pair.getPrivate()), pair.getPrivate(), random);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the CA certificate: " + e.getMessage(), e);
        }
    }

    /** The CA in {@code tlsDir}, made by {@link #create} and {@link #write}. */
    static FleetTls read(Path tlsDir, SecureRandom random) {
        return new FleetTls(certificate(AtomicFiles.readText(tlsDir.resolve(CA_CERT))),
                privateKey(AtomicFiles.readText(tlsDir.resolve(CA_KEY))), random);
    }

    void write(Path tlsDir) {
        AtomicFiles.createPrivateDirectory(tlsDir);
        AtomicFiles.writeText(tlsDir.resolve(CA_CERT), pem(ca), AtomicFiles.PUBLIC);
        AtomicFiles.writeNewText(tlsDir.resolve(CA_KEY), pem(caKey), AtomicFiles.OWNER_ONLY);
    }

    public X509Certificate certificate() {
        return ca;
    }

    /**
     * Writes the broker's certificate for {@code hosts} (DNS names or IP addresses, the first also its common
     * name) and its key as {@code certFile} and {@code keyFile}.
     */
    void issueServer(List<String> hosts, Instant now, Path certFile, Path keyFile) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("the broker's certificate needs at least one host name");
        }
        List<GeneralName> names = new ArrayList<>();
        for (String host : hosts) {
            names.add(isIpAddress(host) ? new GeneralName(GeneralName.iPAddress, host)
                    : new GeneralName(GeneralName.dNSName, host));
        }
        issue(name(hosts.get(0)), new GeneralNames(names.toArray(GeneralName[]::new)), KeyPurposeId.id_kp_serverAuth,
                now, certFile, keyFile);
    }

    /** Writes a client certificate whose common name is {@code username} (the kiosk's broker user). */
    void issueClient(String username, Instant now, Path certFile, Path keyFile) {
        issue(name(username), null, KeyPurposeId.id_kp_clientAuth, now, certFile, keyFile);
    }

    private void issue(X500Name subject, GeneralNames altNames, KeyPurposeId purpose, Instant now, Path certFile,
            Path keyFile) {
        KeyPair pair = keyPair(random);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(random),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(LEAF_VALIDITY)), subject,
                    pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(ca));
            if (altNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, altNames);
            }
            X509Certificate leaf = sign(builder, caKey);
            AtomicFiles.writeText(keyFile, pem(pair.getPrivate()), AtomicFiles.OWNER_ONLY);
            AtomicFiles.writeText(certFile, pem(leaf), AtomicFiles.PUBLIC);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a certificate: " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    private static KeyPair keyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make P-256 keys: " + e.getMessage(), e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        // positive and 127 bits: unique without a counter to keep
        return new BigInteger(127, random);
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Yizhan").addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static boolean isIpAddress(String host) {
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
            return false;
        }
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static X509Certificate certificate(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            if (!(read instanceof X509CertificateHolder holder)) {
                throw new IllegalStateException("the CA certificate file holds no certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the CA certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new IllegalStateException("the CA key file holds no private key");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CA key: " + e.getMessage(), e);
        }
    }
}
