package io.tokensockjs.redis;

import io.tokensockjs.config.TokenSockJsConfig;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import redis.clients.jedis.RedisClient;

import java.util.Optional;

/**
 * The one pooled Redis client of this application, shared by the token store and the broker's publishing side,
 * opened when first asked for and closed with the application. The broker's subscriber holds a connection of its
 * own, outside the pool.
 */
@ApplicationScoped
public class RedisClients {

    @Inject
    TokenSockJsConfig config;

    private Optional<RedisSettings> settings;
    private RedisClient pooled;

    /** The Redis settings, empty when none is configured (memory is used then). */
    public synchronized Optional<RedisSettings> settings() {
        if (settings == null) {
            // Not logged here: the token store and the broker each log their choice once.
            settings = config.redisUrl().map(url -> new RedisSettings(RedisSettings.parseUrl(url), config.redisPoolSize(),
                    config.redisConnectTimeout(), config.redisSocketTimeout(), config.redisReconnectBackoffMax()));
        }
        return settings;
    }

    /** The pooled client; only when {@link #settings()} has a value. */
    public synchronized RedisClient pooled() {
        if (pooled == null) {
            pooled = settings().orElseThrow(() -> new IllegalStateException("No Redis configured")).newPooledClient();
        }
        return pooled;
    }

    @PreDestroy
    synchronized void close() {
        if (pooled != null) {
            pooled.close();
            pooled = null;
        }
    }
}
