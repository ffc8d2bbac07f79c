package io.tokensockjs.redis;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;

import java.time.Duration;

/**
 * Where Redis is and how to talk to it, from the {@code token-sockjs.redis.*} keys: the URL (standalone, Sentinel
 * or Cluster, plain or TLS, with the ACL user and password), the TLS trust, and the pool and time limits.
 *
 * @param url                 see {@link RedisUrl}
 * @param trust               what TLS connections trust (used only when the URL asks for TLS)
 * @param poolSize            connections the pooled client (publishing, tokens) opens at most, per Redis node
 * @param connectTimeout      how long opening a connection may take
 * @param socketTimeout       how long one command may wait for its answer; also bounds waiting for a pooled
 *                            connection, so that a caller never blocks indefinitely on an exhausted pool
 * @param reconnectBackoffMax the longest pause between two attempts of the subscriber to reconnect
 */
public record RedisSettings(RedisUrl url, RedisTls trust, int poolSize, Duration connectTimeout, Duration socketTimeout,
        Duration reconnectBackoffMax) {

    public RedisSettings {
        if (url == null) {
            throw new IllegalArgumentException("No Redis URL");
        }
        trust = trust == null ? RedisTls.DEFAULT : trust;
        if (poolSize < 1) {
            throw new IllegalArgumentException("Redis pool size must be at least 1: " + poolSize);
        }
        requirePositive("connect timeout", connectTimeout);
        requirePositive("socket timeout", socketTimeout);
        requirePositive("reconnect backoff", reconnectBackoffMax);
    }

    /** With the JVM's default trust for TLS. */
    public RedisSettings(RedisUrl url, int poolSize, Duration connectTimeout, Duration socketTimeout,
            Duration reconnectBackoffMax) {
        this(url, RedisTls.DEFAULT, poolSize, connectTimeout, socketTimeout, reconnectBackoffMax);
    }

    /** Parses the URL text of the configuration; the exception never shows the password. */
    public static RedisUrl parseUrl(String text) {
        return RedisUrl.parse(text);
    }

    public RedisMode mode() {
        return url.mode();
    }

    /** The server of a standalone URL. */
    public HostAndPort hostAndPort() {
        return url.first();
    }

    public boolean tls() {
        return url.tls();
    }

    /** The settings of connections to data nodes, with the name this client shows in {@code CLIENT LIST}. */
    public JedisClientConfig clientConfig(String clientName) {
        DefaultJedisClientConfig.Builder config = common(clientName);
        if (url.user() != null) {
            config.user(url.user());
        }
        if (url.password() != null) {
            config.password(url.password());
        }
        if (url.database() != 0) {
            config.database(url.database());
        }
        return config.build();
    }

    /** The settings of connections to Sentinels: the same TLS, no credentials (Sentinels have their own, if any). */
    public JedisClientConfig sentinelConfig(String clientName) {
        return common(clientName).build();
    }

    private DefaultJedisClientConfig.Builder common(String clientName) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(connectTimeout))
                .socketTimeoutMillis(millis(socketTimeout))
                .ssl(tls())
                .clientName(clientName)
                // RESP2, which every Redis speaks; Jedis warns when left to negotiate on a plain connection.
                .protocol(RedisProtocol.RESP2)
                .autoNegotiateProtocol(false);
        if (tls()) {
            trust.socketFactory().ifPresent(config::sslSocketFactory);
            config.sslParameters(trust.parameters());
        }
        return config;
    }

    /** The URL without its password, and the trust, for logs and health data. */
    public String describe() {
        return url.describe() + (tls() ? " (TLS, " + trust.describe() + ")" : "");
    }

    static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    private static void requirePositive(String what, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Redis " + what + " must be positive: " + duration);
        }
    }
}
