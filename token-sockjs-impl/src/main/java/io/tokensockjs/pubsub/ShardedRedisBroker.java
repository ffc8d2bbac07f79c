package io.tokensockjs.pubsub;

import io.tokensockjs.redis.RedisSettings;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publish/subscribe on a Redis Cluster with sharded pub/sub (Redis 7): {@code SPUBLISH} through the pooled cluster
 * client, which sends it to the primary owning the channel's slot, and one {@link ShardSubscription} per primary
 * that owns a channel this server wants (the reserved ones included), holding {@code SSUBSCRIBE}s for exactly those
 * channels. A channel's messages thus stay on its shard instead of being copied to every node of the cluster, as
 * plain {@code PUBLISH} is.
 *
 * <p>The subscriptions are brought in line with the cluster's slot map ({@link ClusterSlots}) whenever a channel is
 * added or removed, whenever a subscription ends (its primary failed, or Redis moved a slot away and unsubscribed
 * the channel itself), and every {@link #CHECK_PERIOD} anyway. After a shard failover the map names the promoted
 * replica once the cluster agrees on it, and the channels of the failed primary are subscribed there; messages
 * published meanwhile are lost, as Redis pub/sub keeps nothing. The broker is healthy only while every subscription
 * is confirmed and every wanted channel has one.
 */
public final class ShardedRedisBroker implements Broker {

    private static final Logger LOG = Logger.getLogger(ShardedRedisBroker.class.getName());

    /** How often the subscriptions are checked against the slot map, and their connections kept alive. */
    static final Duration CHECK_PERIOD = Duration.ofSeconds(1);
    /** How often each subscription re-confirms a channel, so that a silent dead connection times out. */
    static final Duration KEEPALIVE = Duration.ofSeconds(5);
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final RedisSettings settings;
    private final Supplier<UnifiedJedis> cluster;
    private final ThreadFactory threads;
    private final ScheduledExecutorService scheduler;
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    /** Changed under this (by the checks and close); read without it by the readiness check, which must not wait. */
    private final Map<HostAndPort, ShardSubscription> shards = new ConcurrentHashMap<>();
    private final Duration readTimeout = KEEPALIVE.multipliedBy(3);

    private volatile Listener listener;
    private volatile boolean closing;
    /** Every wanted channel had an owner at the last check. */
    private volatile boolean allHomed;
    private ScheduledFuture<?> checks;
    private long lastKeepAlive = System.nanoTime();
    private boolean downLogged;
    /** The current outage's refusal of this server's user was logged. */
    private boolean refusedLogged;
    private boolean everUp;

    /**
     * @param cluster the pooled cluster client, shared; the broker does not close it. It may throw
     *                {@link IllegalStateException} while it cannot be made (no node answers yet)
     */
    public ShardedRedisBroker(RedisSettings settings, Supplier<UnifiedJedis> cluster, ThreadFactory threads,
            ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.cluster = cluster;
        this.threads = threads;
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void start(Listener listener) {
        if (checks != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = listener;
        wanted.add(ReservedChannels.BROADCAST);
        wanted.add(ReservedChannels.UNSUBSCRIBE_ALL);
        checks = scheduler.scheduleWithFixedDelay(this::check, 0, CHECK_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @throws IllegalStateException when Redis did not take the message */
    @Override
    public boolean sharded() {
        return true;
    }

    @Override
    public void publish(String channel, String payload) {
        try {
            client().spublish(channel, payload);
        } catch (JedisException e) {
            throw new IllegalStateException("Redis did not take a message on " + channel + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void subscribe(String channel) {
        if (wanted.add(channel)) {
            checkSoon();
        }
    }

    @Override
    public void unsubscribe(String channel) {
        if (!ReservedChannels.isReserved(channel) && wanted.remove(channel)) {
            checkSoon();
        }
    }

    @Override
    public boolean isHealthy() {
        if (closing || !allHomed || shards.isEmpty()) {
            return false;
        }
        for (ShardSubscription shard : shards.values()) {
            if (!shard.healthy()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String describe() {
        return "Redis Cluster " + settings.describe() + ", sharded pub/sub";
    }

    /** The primaries this server holds subscriptions on: for tests. */
    Set<HostAndPort> subscribedNodes() {
        return Set.copyOf(shards.keySet());
    }

    @Override
    public void close() {
        Set<ShardSubscription> stopping;
        synchronized (this) {
            closing = true;
            if (checks != null) {
                checks.cancel(false);
            }
            stopping = new HashSet<>(shards.values());
            shards.clear();
        }
        stopping.forEach(ShardSubscription::stop);
        stopping.forEach(shard -> shard.join(JOIN_TIMEOUT));
        listener = null;
    }

    private RedisClusterClient client() {
        UnifiedJedis client = cluster.get();
        if (client instanceof RedisClusterClient clusterClient) {
            return clusterClient;
        }
        throw new IllegalStateException("redis-cluster:// needs a cluster client, got " + client.getClass().getName());
    }

    private void checkSoon() {
        if (!closing) {
            try {
                scheduler.execute(this::check);
            } catch (RuntimeException e) {
                // The scheduler is shutting down: the periodic check is gone too, and so is the application.
                LOG.log(Level.FINE, "token-sockjs: sharded subscription check not scheduled", e);
            }
        }
    }

    /** Brings the subscriptions in line with the wanted channels and the cluster's slot map. */
    private synchronized void check() {
        if (closing) {
            return;
        }
        try {
            ClusterSlots slots = ClusterSlots.read(client());
            Map<HostAndPort, Set<String>> homes = new HashMap<>();
            boolean homed = true;
            for (String channel : wanted) {
                Optional<HostAndPort> owner = slots.owner(channel);
                if (owner.isPresent()) {
                    homes.computeIfAbsent(owner.get(), node -> new HashSet<>()).add(channel);
                } else {
                    homed = false;
                }
            }
            allHomed = homed;
            RuntimeException failed = null;
            for (var shard : Map.copyOf(shards).entrySet()) {
                if (shard.getValue().ended() || !homes.containsKey(shard.getKey())) {
                    shards.remove(shard.getKey());
                    shard.getValue().stop();
                    failed = shard.getValue().ended() ? shard.getValue().failure().orElse(failed) : failed;
                }
            }
            if (failed != null) {
                // Made again below; said once, so that a refused password or right is in the log, not only a DOWN.
                down("the subscription on a primary failed: " + failed, failed);
            }
            boolean keepAlive = System.nanoTime() - lastKeepAlive > KEEPALIVE.toNanos();
            for (var home : homes.entrySet()) {
                ShardSubscription shard = shards.get(home.getKey());
                if (shard == null) {
                    shard = new ShardSubscription(home.getKey(), settings.clientConfig("token-sockjs-subscriber"),
                            home.getValue(), this::deliver, readTimeout, this::checkSoon);
                    shards.put(home.getKey(), shard);
                    shard.start(threads);
                } else {
                    shard.want(home.getValue());
                    if (keepAlive) {
                        shard.keepAlive();
                    }
                }
            }
            if (keepAlive) {
                lastKeepAlive = System.nanoTime();
            }
            logState();
        } catch (RuntimeException e) {
            down(e.toString(), e);
        }
    }

    private void logState() {
        boolean healthy = isHealthy();
        if (healthy && (downLogged || !everUp)) {
            LOG.info(() -> "token-sockjs: sharded Redis subscriptions " + (everUp ? "restored" : "made") + " on "
                    + shards.keySet() + " for " + wanted.size() + " channels");
            downLogged = false;
            refusedLogged = false;
            everUp = true;
        }
    }

    /**
     * Marks the broker down and says why once per outage, and once more when Redis refuses this server's user
     * (wrong password, no right to a command or channel): an operator has to act on that, unlike on a lost node.
     */
    private void down(String why, Throwable failure) {
        allHomed = false;
        boolean refused = refusedAccess(failure);
        if (!downLogged || (refused && !refusedLogged)) {
            downLogged = true;
            refusedLogged |= refused;
            LOG.warning(refused ? "token-sockjs: Redis Cluster " + settings.url().describe() + " refused this server's user ("
                    + why + "); publish/subscribe across servers is down until its password or rights are fixed, retrying"
                    : "token-sockjs: Redis Cluster " + settings.url().describe() + " not reachable for sharded pub/sub ("
                    + why + "); publish/subscribe across servers is down, retrying");
        } else {
            LOG.log(Level.FINE, "token-sockjs: Redis Cluster still unreachable: " + why);
        }
    }

    /** A wrong password, a disabled user or a missing ACL right, anywhere in the chain of causes. */
    static boolean refusedAccess(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JedisAccessControlException) {
                return true;
            }
        }
        return false;
    }

    private void deliver(String channel, String payload) {
        Listener current = listener;
        if (current != null && !closing) {
            current.onMessage(channel, payload);
        }
    }
}
