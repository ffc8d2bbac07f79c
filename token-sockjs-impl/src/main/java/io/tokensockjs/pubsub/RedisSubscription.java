package io.tokensockjs.pubsub;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The subscription of one subscriber connection: from its first SUBSCRIBE until it is stopped or the connection
 * fails. Its thread (the broker's subscriber thread) reads messages and hands them to the listener; other threads
 * change what it is subscribed to.
 *
 * <p>What the broker wants is the live set {@code wanted}. A change is sent as SUBSCRIBE or UNSUBSCRIBE by the
 * thread that made it, under one lock that also re-reads the set, so that whatever the interleaving the last
 * command sent for a channel matches the set. Before Redis confirmed the first SUBSCRIBE no command may be sent
 * (Jedis has not attached the connection yet): changes made then are reconciled at the first confirmation.
 */
final class RedisSubscription extends JedisPubSub {

    private static final Logger LOG = Logger.getLogger(RedisSubscription.class.getName());

    private final Jedis jedis;
    private final Set<String> wanted;
    private final Broker.Listener listener;
    private final Duration readTimeout;
    private final Runnable onConfirmed;
    private final Object sendLock = new Object();

    /** The first confirmation arrived: commands may be sent from any thread. */
    private volatile boolean live;
    /** Every channel of the first SUBSCRIBE is confirmed. */
    private volatile boolean confirmed;
    private volatile boolean stopping;

    // The subscriber thread's own.
    private Set<String> initialChannels = Set.of();
    private int confirmations;

    /**
     * @param readTimeout how long the connection may stay silent (keep-alive pings make it speak) before it is
     *                    taken for dead
     * @param onConfirmed runs on the subscriber thread once every channel of the first SUBSCRIBE is confirmed
     */
    RedisSubscription(Jedis jedis, Set<String> wanted, Broker.Listener listener, Duration readTimeout, Runnable onConfirmed) {
        this.jedis = jedis;
        this.wanted = wanted;
        this.listener = listener;
        this.readTimeout = readTimeout;
        this.onConfirmed = onConfirmed;
    }

    /**
     * Subscribes to the reserved channels and every wanted one, then delivers until {@link #stop()}; a failed
     * connection ends it with an exception.
     */
    void run() {
        List<String> channels = new ArrayList<>(List.of(ReservedChannels.BROADCAST, ReservedChannels.UNSUBSCRIBE_ALL));
        initialChannels = Set.copyOf(wanted);
        channels.addAll(initialChannels);
        jedis.subscribe(this, channels.toArray(String[]::new));
    }

    /** Brings the connection in line with {@code wanted} for one channel, after the set changed. */
    void sync(String channel) {
        if (!live || stopping) {
            return;
        }
        synchronized (sendLock) {
            if (stopping) {
                return;
            }
            try {
                if (wanted.contains(channel)) {
                    subscribe(channel);
                } else {
                    unsubscribe(channel);
                }
            } catch (RuntimeException e) {
                // The connection is failing: the subscriber thread notices it too, and the next connection
                // subscribes to everything wanted.
                LOG.log(Level.FINE, "Redis (un)subscribe of " + channel + " not sent", e);
            }
        }
    }

    /**
     * Sends a PING: its answer keeps a healthy but quiet connection within the read timeout, while one that died
     * silently (a lost network, a frozen server) times out instead of leaving this server deaf.
     */
    void keepAlive() {
        if (!live || stopping) {
            return;
        }
        synchronized (sendLock) {
            try {
                ping();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Redis keep-alive ping not sent", e);
            }
        }
    }

    /** Unsubscribes from everything: {@link #run()} then returns. */
    void stop() {
        stopping = true;
        if (live) {
            unsubscribeAll();
        }
        // Otherwise the first confirmation, when it comes, sees the flag and unsubscribes.
    }

    private void unsubscribeAll() {
        synchronized (sendLock) {
            try {
                unsubscribe();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Redis unsubscribe not sent", e);
            }
        }
    }

    /** Closes the connection, whatever its state: a blocked {@link #run()} fails at once. */
    void disconnect() {
        try {
            jedis.disconnect();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Redis subscriber connection did not close cleanly", e);
        }
    }

    /** Every channel of the first SUBSCRIBE is confirmed and the connection has not failed since. */
    boolean confirmed() {
        return confirmed;
    }

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
        if (!live) {
            // From here on the connection is attached and reads block; let them end if Redis goes silent.
            jedis.getConnection().setSoTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
            live = true;
            if (stopping) {
                unsubscribeAll();
                return;
            }
            reconcile();
        }
        if (!confirmed && ++confirmations >= 2 + initialChannels.size()) {
            confirmed = true;
            onConfirmed.run();
        }
    }

    /** Sends what changed between the first SUBSCRIBE and the first confirmation. */
    private void reconcile() {
        for (String channel : initialChannels) {
            if (!wanted.contains(channel)) {
                sync(channel);
            }
        }
        for (String channel : List.copyOf(wanted)) {
            if (!initialChannels.contains(channel)) {
                sync(channel);
            }
        }
    }

    @Override
    public void onMessage(String channel, String message) {
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
