package io.tokensockjs.pubsub;

import io.tokensockjs.config.TokenSockJsConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** Chooses the broker: Redis when {@value TokenSockJsConfig#REDIS_URL} is set, memory otherwise. */
@ApplicationScoped
public class Brokers {

    private static final Logger LOG = Logger.getLogger(Brokers.class.getName());

    @Inject
    TokenSockJsConfig config;

    Broker broker() {
        if (config.redisUrl().isPresent()) {
            LOG.warning("token-sockjs: a Redis broker is configured but this build has none yet; using the in-memory broker");
        }
        Broker broker = new LocalBroker();
        LOG.info(() -> "token-sockjs publish/subscribe: " + broker.describe());
        return broker;
    }
}
