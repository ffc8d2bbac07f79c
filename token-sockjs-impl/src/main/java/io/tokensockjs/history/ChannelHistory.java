package io.tokensockjs.history;

import io.tokensockjs.config.HistoryConfig;
import io.tokensockjs.redis.RedisClients;
import io.tokensockjs.threads.Scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The history of this application's channels: the rules from the configuration and the store, Redis when
 * {@code token-sockjs.redis.url} is set, memory otherwise.
 */
@ApplicationScoped
public class ChannelHistory {

    private static final Logger LOG = Logger.getLogger(ChannelHistory.class.getName());
    /** How often the memory store forgets silent channels. */
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    @Inject
    HistoryConfig config;

    @Inject
    RedisClients redis;

    @Inject
    Scheduling scheduling;

    private HistoryRules rules = new HistoryRules(java.util.List.of());
    private HistoryStore store;
    private int maxPerRequest;
    private ScheduledFuture<?> sweeper;

    /**
     * Reads the rules and opens the store; the memory store publishes through {@code broker} (a Redis store
     * publishes itself, in its script, with the command {@code delivery} names so the broker's subscribers see it).
     */
    public synchronized void start(HistoryStore.Publisher broker, Delivery delivery) {
        rules = HistoryRules.parse(HistoryConfig.CHANNELS, config.channels().orElse(null));
        maxPerRequest = config.maxPerRequest();
        if (rules.isEmpty()) {
            return;
        }
        Duration retention = config.retention();
        for (HistoryRule rule : rules.rules()) {
            if (rule.ttl() != null && rule.ttl().compareTo(retention) > 0) {
                retention = rule.ttl();
            }
        }
        if (redis.settings().isPresent()) {
            store = new RedisHistoryStore(redis::pooled, retention, delivery);
        } else {
            MemoryHistoryStore memory = new MemoryHistoryStore(broker, retention, System::currentTimeMillis);
            store = memory;
            sweeper = scheduling.scheduler().scheduleWithFixedDelay(memory::sweep, SWEEP_INTERVAL.toMillis(),
                    SWEEP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.info("token-sockjs history: " + rules.rules().size() + " channel pattern(s) " + rules.rules() + ", kept "
                + store.describe());
    }

    /** The rule of a channel, empty when it keeps no history. */
    public Optional<HistoryRule> rule(String channel) {
        return store == null ? Optional.empty() : rules.forChannel(channel);
    }

    /** @see HistoryStore#publish */
    public void publish(String channel, HistoryRule rule, String json) {
        store.publish(channel, rule, json);
    }

    /** @see HistoryStore#read */
    public HistoryPage read(String channel, HistoryRule rule, long after, int limit) {
        return store.read(channel, rule, after, limit);
    }

    /** Messages one request gets at most. */
    public int maxPerRequest() {
        return maxPerRequest;
    }

    @PreDestroy
    synchronized void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }
}
