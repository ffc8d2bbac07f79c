package io.tokensockjs.redis;

import io.tokensockjs.config.TokenSockJsConfig;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import redis.clients.jedis.RedisClient;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one pooled Redis client of this application, shared by the token store and the broker's publishing side,
 * opened when first asked for and closed with the application. The broker's subscriber holds a connection of its
 * own, outside the pool.
 */
@ApplicationScoped
public class RedisClients {

    private static final Logger LOG = Logger.getLogger(RedisClients.class.getName());

    @Inject
    TokenSockJsConfig config;

    private Optional<RedisSettings> settings;
    private RedisClient pooled;

    /** The Redis settings, empty when none is configured (memory is used then). */
    public synchronized Optional<RedisSettings> settings() {
        if (settings == null) {
            settings = config.redis();
            settings.ifPresent(redis -> LOG.info(() -> "token-sockjs: Redis at " + redis.describe()
                    + " for tokens and publish/subscribe across servers"));
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
