package io.tokensockjs.pubsub;

import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisShardedPubSub;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection to one primary of a Redis Cluster, sharded-subscribed ({@code SSUBSCRIBE}) to the channels whose
 * slots that primary owns, with its own reading thread. It ends when the connection fails, when Redis moves a
 * channel's slot away (Redis then unsubscribes the channel itself) or when it is stopped; the broker then makes
 * the subscriptions again from the cluster's current map.
 *
 * <p>{@code SSUBSCRIBE} takes channels of one slot per command, so each channel is sent on its own. Other threads
 * change what it should be subscribed to through {@link #want(Set)}; before Redis confirmed the first channel no
 * command may be sent (Jedis has not attached the connection yet), and what changed meanwhile is sent then.
 */
final class ShardSubscription extends JedisShardedPubSub {

    private static final Logger LOG = Logger.getLogger(ShardSubscription.class.getName());

    private final HostAndPort node;
    private final JedisClientConfig config;
    private final Broker.Listener listener;
    private final Duration readTimeout;
    private final Runnable onChange;
    private final Object sendLock = new Object();
    /** What this subscription was asked for last. Guarded by sendLock. */
    private Set<String> requested;
    /** What Redis confirmed and has not unsubscribed since. */
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

    private volatile Connection connection;
    private volatile boolean live;
    private volatile boolean ended;
    private volatile boolean stopping;
    private volatile Thread thread;
    /** Why it ended, when a failure (not a stop) ended it. */
    private volatile RuntimeException failure;

    /**
     * @param onChange runs (on this subscription's thread) when it ended after it had worked, or when Redis
     *                 unsubscribed a channel itself: the broker looks at the cluster's map again
     */
    ShardSubscription(HostAndPort node, JedisClientConfig config, Set<String> channels, Broker.Listener listener,
            Duration readTimeout, Runnable onChange) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a shard subscription needs a channel");
        }
        this.node = node;
        this.config = config;
        this.requested = Set.copyOf(channels);
        this.listener = listener;
        this.readTimeout = readTimeout;
        this.onChange = onChange;
    }

    HostAndPort node() {
        return node;
    }

    void start(ThreadFactory threads) {
        Thread reader = threads.newThread(this::run);
        try {
            reader.setName("token-sockjs-redis-shard-" + node);
            reader.setDaemon(true);
        } catch (SecurityException e) {
            // A managed thread may keep the server's name and settings for it.
        }
        thread = reader;
        reader.start();
    }

    private void run() {
        String first;
        synchronized (sendLock) {
            first = requested.iterator().next();
        }
        try {
            Connection opened = new Connection(node, config);
            connection = opened;
            if (!stopping) {
                proceed(opened, first);
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                failure = e;
                LOG.log(Level.FINE, "token-sockjs: sharded subscription on " + node + " ended", e);
            }
        } finally {
            boolean wasLive = live;
            ended = true;
            live = false;
            confirmed.clear();
            disconnect();
            // Only a subscription that worked asks for a check at once: one that never connected is retried by
            // the periodic check, not in a tight loop against a node that is down.
            if (!stopping && wasLive) {
                onChange.run();
            }
        }
    }

    /** The channels this subscription should hold now (all owned by its node). */
    void want(Set<String> channels) {
        synchronized (sendLock) {
            Set<String> before = requested;
            requested = Set.copyOf(channels);
            if (live && !stopping) {
                send(before, requested);
            }
        }
    }

    /** Re-confirms one channel: the answer keeps a healthy quiet connection within its read timeout. */
    void keepAlive() {
        synchronized (sendLock) {
            if (live && !stopping && !requested.isEmpty()) {
                try {
                    ssubscribe(requested.iterator().next());
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Redis keep-alive not sent to " + node, e);
                }
            }
        }
    }

    /** Subscribed, and every channel asked for is confirmed. */
    boolean healthy() {
        if (!live || ended) {
            return false;
        }
        synchronized (sendLock) {
            return confirmed.containsAll(requested);
        }
    }

    boolean ended() {
        return ended;
    }

    /** What ended it, when it ended by a failure: the broker reports it (a refused password or right, a lost node). */
    Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Unsubscribes from everything and closes; the thread ends. */
    void stop() {
        stopping = true;
        synchronized (sendLock) {
            if (live) {
                try {
                    sunsubscribe();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Redis sunsubscribe not sent to " + node, e);
                }
            }
        }
        disconnect();
    }

    /** Waits a moment for the reading thread to end (after {@link #stop()}). */
    void join(Duration bound) {
        Thread reader = thread;
        if (reader == null) {
            return;
        }
        try {
            reader.join(bound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void disconnect() {
        Connection open = connection;
        if (open != null) {
            try {
                open.disconnect();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Redis shard connection to " + node + " did not close cleanly", e);
            }
        }
    }

    private void send(Set<String> before, Set<String> after) {
        try {
            for (String channel : after) {
                if (!before.contains(channel)) {
                    ssubscribe(channel);
                }
            }
            for (String channel : before) {
                if (!after.contains(channel)) {
                    sunsubscribe(channel);
                }
            }
        } catch (RuntimeException e) {
            // The connection is failing: its thread notices too, and the broker subscribes again elsewhere.
            LOG.log(Level.FINE, "Redis (s)subscribe not sent to " + node, e);
        }
    }

    @Override
    public void onSSubscribe(String channel, int subscribedChannels) {
        confirmed.add(channel);
        if (!live) {
            // From here on the connection is attached and reads block; let them end if Redis goes silent.
            connection.setSoTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
            synchronized (sendLock) {
                live = true;
                if (stopping) {
                    sunsubscribe();
                    return;
                }
                Set<String> sent = new HashSet<>();
                sent.add(channel);
                send(sent, requested);
            }
        }
    }

    @Override
    public void onSUnsubscribe(String channel, int subscribedChannels) {
        confirmed.remove(channel);
        boolean stillWanted;
        synchronized (sendLock) {
            stillWanted = requested.contains(channel);
        }
        if (stillWanted && !stopping) {
            // Redis unsubscribed it itself: its slot moved to another node.
            LOG.info(() -> "token-sockjs: Redis moved the slot of " + channel + " away from " + node);
            onChange.run();
        }
    }

    @Override
    public void onSMessage(String channel, String message) {
        if (stopping) {
            return;
        }
        try {
            listener.onMessage(channel, message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery of a Redis message on " + channel + " failed", e);
        }
    }
}
