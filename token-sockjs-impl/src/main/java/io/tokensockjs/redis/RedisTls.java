package io.tokensockjs.redis;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;

/**
 * What TLS connections to Redis trust ({@code rediss://} and its Sentinel and Cluster forms): a trust store file
 * ({@code token-sockjs.redis.tls.truststore}, its password and type), or PEM certificates
 * ({@code token-sockjs.redis.tls.ca-file}: managed services hand out their CA that way), or, with neither, the
 * JVM's default trust. The server's name (or IP address) is always checked against its certificate.
 *
 * @param truststore         a PKCS12 or JKS file of trusted certificates
 * @param truststorePassword its password (may be empty for PKCS12 files of certificates only)
 * @param truststoreType     {@code PKCS12} (the default) or {@code JKS}
 * @param caFile             a PEM file of one or more trusted certificates
 */
public record RedisTls(Optional<Path> truststore, String truststorePassword, String truststoreType, Optional<Path> caFile) {

    /** The JVM's default trust. */
    public static final RedisTls DEFAULT = new RedisTls(Optional.empty(), "", "PKCS12", Optional.empty());

    public RedisTls {
        if (truststore.isPresent() && caFile.isPresent()) {
            throw new IllegalArgumentException("Redis TLS: configure a trust store or a CA file, not both");
        }
        truststorePassword = truststorePassword == null ? "" : truststorePassword;
        truststoreType = truststoreType == null || truststoreType.isBlank() ? "PKCS12" : truststoreType;
    }

    /** The socket factory of the configured trust; empty for the JVM's default. */
    public Optional<SSLSocketFactory> socketFactory() {
        if (truststore.isEmpty() && caFile.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyStore trusted = truststore.isPresent() ? load(truststore.get()) : fromPem(caFile.get());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context.getSocketFactory());
        } catch (IOException | GeneralSecurityException e) {
            // The message names the file, never the password.
            throw new IllegalArgumentException("Redis TLS trust material unusable (" + truststore.or(() -> caFile).get()
                    + "): " + e.getMessage(), e);
        }
    }

    /** Checks the server's name against its certificate, as HTTPS does. */
    public SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    /** For logs: which trust, never the password. */
    public String describe() {
        return truststore.map(path -> "trust store " + path).or(() -> caFile.map(path -> "CA file " + path))
                .orElse("the JVM's default trust");
    }

    private KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(truststoreType);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, truststorePassword.toCharArray());
        }
        return store;
    }

    private static KeyStore fromPem(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int count = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + count++, certificate);
            }
        }
        if (count == 0) {
            throw new GeneralSecurityException("no certificate in the file");
        }
        return store;
    }
}
