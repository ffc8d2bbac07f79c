package io.tokensockjs.auth;

import io.tokensockjs.threads.Scheduling;
import io.tokensockjs.redis.RedisClients;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Chooses the token store: Redis when one is configured, memory otherwise (the embedded default). */
@ApplicationScoped
public class TokenStores {

    private static final Logger LOG = Logger.getLogger(TokenStores.class.getName());

    /** Unredeemed tokens the in-memory store holds at most. */
    static final int MAX_IN_MEMORY_TOKENS = 1_000_000;

    @Inject
    Scheduling scheduling;

    @Inject
    RedisClients redis;

    private TokenStore store;
    private ScheduledFuture<?> purge;

    @PostConstruct
    void init() {
        if (redis.settings().isPresent()) {
            // The bean itself, not its client proxy, behind every token (package-info).
            RedisClients clients = redis.unproxied().get();
            store = new RedisTokenStore(clients::pooled);
            LOG.info(() -> "token-sockjs tokens: Redis " + redis.settings().get().describe());
            return;
        }
        InMemoryTokenStore memory = new InMemoryTokenStore(MAX_IN_MEMORY_TOKENS, System::nanoTime);
        purge = scheduling.scheduler().scheduleWithFixedDelay(memory::purgeExpired, 10, 10, TimeUnit.SECONDS);
        store = memory;
        LOG.info("token-sockjs tokens: in memory (this server only)");
    }

    public TokenStore store() {
        return store;
    }

    @PreDestroy
    void stop() {
        if (purge != null) {
            purge.cancel(false);
        }
    }
}
