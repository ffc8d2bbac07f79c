package io.tokensockjs.testing;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1 made by the {@code openssl} command for a test, with its key (for
 * redis-server), the certificate as a PEM CA file and as a PKCS12 trust store (for clients).
 */
public final class TestCertificate {

    /** The trust store's password. */
    public static final String TRUSTSTORE_PASSWORD = "changeit";

    private final Path certificate;
    private final Path key;
    private final Path truststore;

    private TestCertificate(Path certificate, Path key, Path truststore) {
        this.certificate = certificate;
        this.key = key;
        this.truststore = truststore;
    }

    /** Makes one in the directory: {@code openssl req -x509} with the subject alternative name IP:127.0.0.1. */
    public static TestCertificate create(Path directory) {
        Path certificate = directory.resolve("redis.crt");
        Path key = directory.resolve("redis.key");
        RedisNode.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", certificate.toString()));
        Path truststore = directory.resolve("truststore.p12");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            try (InputStream in = Files.newInputStream(certificate)) {
                store.setCertificateEntry("redis", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            try (var out = Files.newOutputStream(truststore)) {
                store.store(out, TRUSTSTORE_PASSWORD.toCharArray());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store", e);
        }
        return new TestCertificate(certificate, key, truststore);
    }

    /**
     * The one {@link #create(Path)} left in the directory earlier (by the build, before the servers that trust it
     * started), or a new one when there is none.
     */
    public static TestCertificate in(Path directory) {
        Path certificate = directory.resolve("redis.crt");
        Path key = directory.resolve("redis.key");
        Path truststore = directory.resolve("truststore.p12");
        if (Files.exists(certificate) && Files.exists(key) && Files.exists(truststore)) {
            return new TestCertificate(certificate, key, truststore);
        }
        return create(directory);
    }

    /**
     * Makes one in the directory given as the argument: the integration tests' build runs this before it starts
     * the application servers that trust the certificate (their configuration names the files).
     */
    public static void main(String[] arguments) throws IOException {
        if (arguments.length != 1) {
            throw new IllegalArgumentException("usage: TestCertificate <directory>");
        }
        Path directory = Files.createDirectories(Path.of(arguments[0]));
        System.out.println("[tls] test certificate " + create(directory).certificate());
    }

    public Path certificate() {
        return certificate;
    }

    public Path key() {
        return key;
    }

    public Path truststore() {
        return truststore;
    }

    /** redis-server arguments: TLS only on {@code port} (no plain port), clients not asked for certificates. */
    public List<String> serverArguments(int port) {
        return new ArrayList<>(List.of("--port", "0", "--tls-port", Integer.toString(port),
                "--tls-cert-file", certificate.toString(), "--tls-key-file", key.toString(),
                "--tls-ca-cert-file", certificate.toString(), "--tls-auth-clients", "no"));
    }

    /** A client configuration over TLS trusting this certificate, with a user and password when given. */
    public JedisClientConfig client(String user, String password) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(1000)
                .socketTimeoutMillis(2000).ssl(true).sslSocketFactory(sslContext().getSocketFactory());
        if (user != null) {
            config.user(user);
        }
        if (password != null) {
            config.password(password);
        }
        return config.build();
    }

    private SSLContext sslContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(truststore)) {
                store.load(in, TRUSTSTORE_PASSWORD.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
