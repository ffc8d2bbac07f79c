package io.tokensockjs.auth;

import io.tokensockjs.threads.Scheduling;
import io.tokensockjs.redis.RedisClients;
import io.tokensockjs.redis.RedisMode;
import io.tokensockjs.redis.RedisSettings;

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

    /** Commands in one pipelined batch at most. */
    static final int MAX_BATCH = 256;
    /** Tokens waiting for the writer at most; more are refused at once (503), as when Redis fails. */
    static final int MAX_WAITING = 10_000;

    private TokenStore store;
    private PipelinedTokenWriter writer;
    private ScheduledFuture<?> purge;

    @PostConstruct
    void init() {
        if (redis.settings().isPresent()) {
            // The bean itself, not its client proxy, behind every token (package-info).
            RedisClients clients = redis.unproxied().get();
            RedisSettings settings = redis.settings().get();
            if (settings.mode() == RedisMode.CLUSTER) {
                // A command of the cluster client follows MOVED and retries through a shard failover (within the
                // socket timeout times its attempts); a cluster pipeline does neither: one command per token there.
                store = new RedisTokenStore(clients::pooled);
            } else {
                writer = new PipelinedTokenWriter(clients::pooled, scheduling.threadFactory(), scheduling.responder(),
                        MAX_BATCH, MAX_WAITING, settings.socketTimeout());
                // The batch ahead of a token, then its own: each bounded by the socket timeout.
                store = new RedisTokenStore(clients::pooled, writer, settings.socketTimeout().multipliedBy(2));
            }
            LOG.info(() -> "token-sockjs tokens: Redis " + settings.describe());
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
        if (writer != null) {
            writer.close();
        }
    }
}
