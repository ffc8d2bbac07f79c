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
 * @param sentinelAuth        the Sentinels' own user and password (Sentinel mode only; the URL's are the data nodes')
 * @param poolSize            connections the pooled client (publishing, tokens) opens at most, per Redis node
 * @param connectTimeout      how long opening a connection may take
 * @param socketTimeout       how long one command may wait for its answer; also bounds waiting for a pooled
 *                            connection, so that a caller never blocks indefinitely on an exhausted pool
 * @param reconnectBackoffMax the longest pause between two attempts of the subscriber to reconnect
 */
public record RedisSettings(RedisUrl url, RedisTls trust, SentinelAuth sentinelAuth, int poolSize, Duration connectTimeout,
        Duration socketTimeout, Duration reconnectBackoffMax) {

    /**
     * What connections to Sentinels authenticate with: Sentinels keep their own users and password
     * ({@code requirepass}, {@code user} lines of the Sentinel configuration), apart from the data nodes'.
     *
     * @param user     the ACL user, or null for {@code default}
     * @param password the password, or null for none
     */
    public record SentinelAuth(String user, String password) {

        /** Sentinels that ask for no password. */
        public static final SentinelAuth NONE = new SentinelAuth(null, null);

        @Override
        public String toString() {
            // Never the password.
            return user == null && password == null ? "none" : (user == null ? "default" : user) + (password == null ? "" : ":***");
        }
    }

    public RedisSettings {
        if (url == null) {
            throw new IllegalArgumentException("No Redis URL");
        }
        trust = trust == null ? RedisTls.DEFAULT : trust;
        sentinelAuth = sentinelAuth == null ? SentinelAuth.NONE : sentinelAuth;
        if (poolSize < 1) {
            throw new IllegalArgumentException("Redis pool size must be at least 1: " + poolSize);
        }
        requirePositive("connect timeout", connectTimeout);
        requirePositive("socket timeout", socketTimeout);
        requirePositive("reconnect backoff", reconnectBackoffMax);
    }

    /** Sentinels without a password of their own. */
    public RedisSettings(RedisUrl url, RedisTls trust, int poolSize, Duration connectTimeout, Duration socketTimeout,
            Duration reconnectBackoffMax) {
        this(url, trust, SentinelAuth.NONE, poolSize, connectTimeout, socketTimeout, reconnectBackoffMax);
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

    /** The settings of connections to Sentinels: the same TLS, and the Sentinels' own credentials if any. */
    public JedisClientConfig sentinelConfig(String clientName) {
        DefaultJedisClientConfig.Builder config = common(clientName);
        if (sentinelAuth.user() != null) {
            config.user(sentinelAuth.user());
        }
        if (sentinelAuth.password() != null) {
            config.password(sentinelAuth.password());
        }
        return config.build();
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
