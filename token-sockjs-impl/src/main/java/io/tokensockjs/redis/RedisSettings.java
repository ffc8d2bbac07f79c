package io.tokensockjs.redis;

import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.util.JedisURIHelper;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Where Redis is and how to talk to it, from the {@code token-sockjs.redis.*} keys: a {@code redis://} or
 * {@code rediss://} (TLS) URL with optional user, password and database, and the pool and time limits.
 *
 * @param url                 {@code redis[s]://[[user]:password@]host[:port][/database]}
 * @param poolSize            connections the pooled client (publishing, tokens) opens at most
 * @param connectTimeout      how long opening a connection may take
 * @param socketTimeout       how long one command may wait for its answer; also bounds waiting for a pooled
 *                            connection, so that a caller never blocks indefinitely on an exhausted pool
 * @param reconnectBackoffMax the longest pause between two attempts of the subscriber to reconnect
 */
public record RedisSettings(URI url, int poolSize, Duration connectTimeout, Duration socketTimeout,
        Duration reconnectBackoffMax) {

    public RedisSettings {
        if (!JedisURIHelper.isValid(url) || url.getHost() == null) {
            throw new IllegalArgumentException("Not a Redis URL (redis://host:port or rediss://host:port): " + redacted(url));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("Redis pool size must be at least 1: " + poolSize);
        }
        requirePositive("connect timeout", connectTimeout);
        requirePositive("socket timeout", socketTimeout);
        requirePositive("reconnect backoff", reconnectBackoffMax);
    }

    /** Parses the URL text of the configuration; the exception never shows the password. */
    public static URI parseUrl(String text) {
        try {
            return new URI(text.trim());
        } catch (URISyntaxException e) {
            // The message of URISyntaxException quotes the input, password included.
            throw new IllegalArgumentException("Not a Redis URL: cannot be parsed at index " + e.getIndex());
        }
    }

    public HostAndPort hostAndPort() {
        return JedisURIHelper.getHostAndPort(url);
    }

    public boolean tls() {
        return JedisURIHelper.isRedisSSLScheme(url);
    }

    /** The connection settings, with the name this client shows in {@code CLIENT LIST}. */
    public JedisClientConfig clientConfig(String clientName) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(connectTimeout))
                .socketTimeoutMillis(millis(socketTimeout))
                .ssl(tls())
                .clientName(clientName)
                // RESP2, which every Redis speaks; Jedis warns when left to negotiate on a plain connection.
                .protocol(RedisProtocol.RESP2)
                .autoNegotiateProtocol(false);
        String user = JedisURIHelper.getUser(url);
        String password = JedisURIHelper.getPassword(url);
        if (user != null && !user.isEmpty()) {
            config.user(user);
        }
        if (password != null && !password.isEmpty()) {
            config.password(password);
        }
        if (JedisURIHelper.hasDbIndex(url)) {
            config.database(JedisURIHelper.getDBIndex(url));
        }
        return config.build();
    }

    /** A pooled client for commands that take a connection for a moment: PUBLISH, SET, GETDEL. */
    public RedisClient newPooledClient() {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(0);
        // The pool's default waits for a free connection forever.
        pool.setMaxWait(socketTimeout);
        pool.setJmxEnabled(false);
        return RedisClient.builder()
                .hostAndPort(hostAndPort())
                .clientConfig(clientConfig("token-sockjs"))
                .poolConfig(pool)
                .build();
    }

    /** The URL without its password, for logs and health data. */
    public String describe() {
        return redacted(url) + (tls() ? " (TLS)" : "");
    }

    /** {@code scheme://[user@]host:port[/path]}: what may be logged of a Redis URL. */
    static String redacted(URI url) {
        if (url == null) {
            return "null";
        }
        String user = url.getUserInfo() == null ? null : url.getUserInfo().split(":", 2)[0];
        StringBuilder out = new StringBuilder();
        out.append(url.getScheme() == null ? "?" : url.getScheme()).append("://");
        if (user != null && !user.isEmpty()) {
            out.append(user).append('@');
        }
        out.append(url.getHost() == null ? "?" : url.getHost());
        if (url.getPort() >= 0) {
            out.append(':').append(url.getPort());
        }
        if (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/")) {
            out.append(url.getPath());
        }
        return out.toString();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    private static void requirePositive(String what, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Redis " + what + " must be positive: " + duration);
        }
    }
}
