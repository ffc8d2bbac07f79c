package io.tokensockjs.pubsub;

import io.tokensockjs.threads.Scheduling;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.redis.RedisClients;
import io.tokensockjs.redis.RedisMode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Chooses the broker: Redis when {@value TokenSockJsConfig#REDIS_URL} is set (sharded pub/sub on a Redis Cluster,
 * plain pub/sub on one server or a Sentinel-managed primary), memory otherwise.
 */
@ApplicationScoped
public class Brokers {

    private static final Logger LOG = Logger.getLogger(Brokers.class.getName());

    @Inject
    RedisClients redis;

    @Inject
    Scheduling scheduling;

    Broker broker() {
        Broker broker = redis.settings()
                .<Broker>map(settings -> settings.mode() == RedisMode.CLUSTER
                        ? new ShardedRedisBroker(settings, redis::pooled, scheduling.threadFactory(), scheduling.scheduler())
                        : new RedisBroker(settings, redis::pooled, scheduling.threadFactory(), scheduling.scheduler()))
                .orElseGet(LocalBroker::new);
        LOG.info(() -> "token-sockjs publish/subscribe: " + broker.describe());
        return broker;
    }
}
