package io.tokensockjs.redis;

import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import java.util.Set;

/**
 * Builds the pooled Jedis client of a {@link RedisMode}: {@link RedisClient} for one server,
 * {@link RedisSentinelClient} (which follows the Sentinels' {@code +switch-master}) and {@link RedisClusterClient}
 * (which follows {@code MOVED} redirections and refreshes its slot map). All three are a {@link UnifiedJedis}: the
 * token store uses any of them the same way.
 */
public final class RedisConnections {

    /** Attempts of one cluster command over redirections and failed nodes, within the socket timeout times this. */
    static final int CLUSTER_ATTEMPTS = 5;

    private RedisConnections() {
    }

    /**
     * A pooled client for commands that take a connection for a moment: PUBLISH/SPUBLISH, SET, GETDEL.
     *
     * @throws redis.clients.jedis.exceptions.JedisException when a Sentinel or Cluster client finds no node to ask
     *         (the caller tries again later)
     */
    public static UnifiedJedis pooled(RedisSettings settings) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMinIdle(0);
        // The pool's default waits for a free connection forever.
        pool.setMaxWait(settings.socketTimeout());
        pool.setJmxEnabled(false);
        return switch (settings.mode()) {
            case STANDALONE -> RedisClient.builder()
                    .hostAndPort(settings.hostAndPort())
                    .clientConfig(settings.clientConfig("token-sockjs"))
                    .poolConfig(pool)
                    .build();
            case SENTINEL -> RedisSentinelClient.builder()
                    .masterName(settings.url().masterName())
                    .sentinels(Set.copyOf(settings.url().nodes()))
                    .sentinelClientConfig(settings.sentinelConfig("token-sockjs-sentinel"))
                    .clientConfig(settings.clientConfig("token-sockjs"))
                    .poolConfig(pool)
                    .build();
            case CLUSTER -> RedisClusterClient.builder()
                    .nodes(Set.copyOf(settings.url().nodes()))
                    .clientConfig(settings.clientConfig("token-sockjs"))
                    .poolConfig(pool)
                    .maxAttempts(CLUSTER_ATTEMPTS)
                    // A shard failover takes seconds: commands retry through it for a while rather than fail at once.
                    .maxTotalRetriesDuration(settings.socketTimeout().multipliedBy(CLUSTER_ATTEMPTS))
                    .build();
        };
    }
}
