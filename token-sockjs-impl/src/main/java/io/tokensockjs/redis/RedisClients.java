package io.tokensockjs.redis;

import io.tokensockjs.config.TokenSockJsConfig;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one pooled Redis client of this application, shared by the token store and the broker's publishing side,
 * opened when first asked for and closed with the application. The broker's subscriber holds connections of its
 * own, outside the pool.
 *
 * <p>A Sentinel or Cluster client asks its nodes for the topology when it is made, and cannot be made while none
 * answers: then {@link #pooled()} fails and the next call tries again, so that an application may start before
 * its Redis.
 */
@ApplicationScoped
public class RedisClients {

    @Inject
    TokenSockJsConfig config;

    private Optional<RedisSettings> settings;
    /** Volatile so that {@link #pooled()} needs no lock once it is made: the token route asks for it per token. */
    private volatile UnifiedJedis pooled;

    /** The Redis settings, empty when none is configured (memory is used then). */
    public synchronized Optional<RedisSettings> settings() {
        if (settings == null) {
            // Not logged here: the token store and the broker each log their choice once.
            settings = config.redisUrl().map(url -> new RedisSettings(RedisSettings.parseUrl(url), tls(),
                    new RedisSettings.SentinelAuth(config.redisSentinelUser().orElse(null),
                            config.redisSentinelPassword().orElse(null)),
                    config.redisPoolSize(), config.redisConnectTimeout(), config.redisSocketTimeout(),
                    config.redisReconnectBackoffMax()));
        }
        return settings;
    }

    /**
     * This bean itself, not its client proxy, for callers that ask it for the client per token or per message.
     * Wrapped, because Weld's proxy hands back itself for a method that returns {@code this}.
     */
    public Supplier<RedisClients> unproxied() {
        RedisClients self = this;
        return () -> self;
    }

    /**
     * The pooled client; only when {@link #settings()} has a value.
     *
     * @throws IllegalStateException when it cannot be made now (no Sentinel or Cluster node answers)
     */
    public UnifiedJedis pooled() {
        UnifiedJedis made = pooled;
        return made != null ? made : make();
    }

    private synchronized UnifiedJedis make() {
        if (pooled == null) {
            RedisSettings redis = settings().orElseThrow(() -> new IllegalStateException("No Redis configured"));
            try {
                pooled = RedisConnections.pooled(redis);
            } catch (JedisException e) {
                // Jedis's "Could not initialize cluster slots cache" hides why (a refused password, say) in its cause.
                throw new IllegalStateException("No Redis client for " + redis.describe() + " yet: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), e);
            }
        }
        return pooled;
    }

    private RedisTls tls() {
        return new RedisTls(config.redisTlsTruststore().map(Path::of), config.redisTlsTruststorePassword(),
                config.redisTlsTruststoreType(), config.redisTlsCaFile().map(Path::of));
    }

    @PreDestroy
    synchronized void close() {
        if (pooled != null) {
            pooled.close();
            pooled = null;
        }
    }
}
