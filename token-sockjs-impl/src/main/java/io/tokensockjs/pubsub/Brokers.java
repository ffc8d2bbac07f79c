package io.tokensockjs.pubsub;

import io.tokensockjs.threads.Scheduling;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.redis.RedisClients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** Chooses the broker: Redis when {@value TokenSockJsConfig#REDIS_URL} is set, memory otherwise. */
@ApplicationScoped
public class Brokers {

    private static final Logger LOG = Logger.getLogger(Brokers.class.getName());

    @Inject
    RedisClients redis;

    @Inject
    Scheduling scheduling;

    Broker broker() {
        Broker broker = redis.settings()
                .<Broker>map(settings -> new RedisBroker(settings, redis.pooled(), scheduling.threadFactory(), scheduling.scheduler()))
                .orElseGet(LocalBroker::new);
        LOG.info(() -> "token-sockjs publish/subscribe: " + broker.describe());
        return broker;
    }
}
