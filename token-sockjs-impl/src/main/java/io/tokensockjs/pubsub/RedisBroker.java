package io.tokensockjs.pubsub;

import io.tokensockjs.redis.RedisMode;
import io.tokensockjs.redis.RedisSettings;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publish/subscribe across servers through Redis channels of the same names.
 *
 * <p>PUBLISH goes through the shared pooled client on the caller's thread. One dedicated subscriber thread holds
 * one connection subscribed to the reserved channels and to every channel a local socket is on; it hands what
 * arrives to the listener, which only queues it for the sockets (it never writes to a network connection). When
 * Redis fails the thread reconnects with a doubling pause, up to the configured maximum, and subscribes to
 * everything again; messages published meanwhile are lost, as Redis publish/subscribe keeps nothing. The broker
 * is healthy only while that connection is subscribed.
 *
 * <p>With Sentinels ({@code redis-sentinel://}) the subscriber connects to the primary the pooled client knows of
 * (it follows the Sentinels' {@code +switch-master}); the keep-alive also checks that this is still the primary
 * and reconnects when the Sentinels promoted another, so that a demoted primary that is still alive does not keep
 * this server listening to the wrong node. A Redis Cluster uses {@link ShardedRedisBroker} instead.
 */
public final class RedisBroker implements Broker {

    private static final Logger LOG = Logger.getLogger(RedisBroker.class.getName());

    /** The first pause before reconnecting; it doubles up to the configured maximum. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    /** How often the subscriber connection is pinged. */
    static final Duration KEEPALIVE = Duration.ofSeconds(5);
    /** How long closing waits for the subscriber thread, after a clean unsubscribe and again after a disconnect. */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final RedisSettings settings;
    private final Supplier<UnifiedJedis> publisher;
    private final ThreadFactory threads;
    private final ScheduledExecutorService scheduler;
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Duration keepalive;
    /** How long the subscriber connection may stay silent despite the pings before it is taken for dead. */
    private final Duration readTimeout;

    private volatile RedisSubscription current;
    /** Where {@link #current} is connected. */
    private volatile HostAndPort currentAddress;
    private volatile boolean closing;
    private volatile Listener listener;
    private Thread thread;
    private ScheduledFuture<?> keepaliveTask;
    // The subscriber thread's own: for logging each change of state once.
    private boolean lostLogged;
    private final AtomicLong reconnects = new AtomicLong();

    /**
     * @param publisher the pooled client, shared; the broker does not close it. It may throw
     *                  {@link IllegalStateException} while it cannot be made (no Sentinel answers yet)
     * @param threads   makes the subscriber thread (the server's managed thread factory)
     * @param scheduler runs the keep-alive pings
     */
    public RedisBroker(RedisSettings settings, Supplier<UnifiedJedis> publisher, ThreadFactory threads,
            ScheduledExecutorService scheduler) {
        this(settings, publisher, threads, scheduler, KEEPALIVE);
    }

    /** @param keepalive how often to ping the subscriber connection; it is taken for dead after three silent periods */
    RedisBroker(RedisSettings settings, Supplier<UnifiedJedis> publisher, ThreadFactory threads,
            ScheduledExecutorService scheduler, Duration keepalive) {
        this.settings = settings;
        this.publisher = publisher;
        this.threads = threads;
        this.scheduler = scheduler;
        this.keepalive = keepalive;
        this.readTimeout = keepalive.multipliedBy(3);
    }

    @Override
    public synchronized void start(Listener listener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = listener;
        thread = threads.newThread(this::subscribeUntilClosed);
        try {
            thread.setName("token-sockjs-redis-subscriber");
            thread.setDaemon(true);
        } catch (SecurityException e) {
            // A managed thread may keep the server's name and settings for it.
        }
        thread.start();
        keepaliveTask = scheduler.scheduleWithFixedDelay(this::keepAlive, keepalive.toMillis(), keepalive.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** @throws IllegalStateException when Redis did not take the message */
    @Override
    public void publish(String channel, String payload) {
        try {
            publisher.get().publish(channel, payload);
        } catch (JedisException e) {
            throw new IllegalStateException("Redis did not take a message on " + channel + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void subscribe(String channel) {
        wanted.add(channel);
        RedisSubscription subscription = current;
        if (subscription != null) {
            subscription.sync(channel);
        }
    }

    @Override
    public void unsubscribe(String channel) {
        wanted.remove(channel);
        RedisSubscription subscription = current;
        if (subscription != null) {
            subscription.sync(channel);
        }
    }

    @Override
    public long reconnects() {
        return reconnects.get();
    }

    @Override
    public boolean isHealthy() {
        RedisSubscription subscription = current;
        return subscription != null && subscription.confirmed() && !closing;
    }

    @Override
    public String describe() {
        return "Redis " + settings.describe();
    }

    /** The subscriber thread, once started: for tests that check it ends. */
    synchronized Thread subscriberThread() {
        return thread;
    }

    /** The channels this server receives besides the reserved ones. */
    Set<String> subscribedChannels() {
        return Set.copyOf(wanted);
    }

    @Override
    public void close() {
        Thread subscriber;
        synchronized (this) {
            closing = true;
            subscriber = thread;
            if (keepaliveTask != null) {
                keepaliveTask.cancel(false);
            }
        }
        closed.countDown();
        RedisSubscription subscription = current;
        if (subscription != null) {
            subscription.stop();
        }
        if (subscriber == null) {
            return;
        }
        if (!join(subscriber)) {
            // No clean end (Redis unreachable, or the unsubscribe was not confirmed): cut the connection.
            subscription = current;
            if (subscription != null) {
                subscription.disconnect();
            }
            if (!join(subscriber)) {
                LOG.warning("token-sockjs: the Redis subscriber thread did not end within " + JOIN_TIMEOUT.multipliedBy(2));
            }
        }
        listener = null;
    }

    // ---- the subscriber thread ----------------------------------------------------------------------------------

    private void subscribeUntilClosed() {
        Duration backoff = FIRST_BACKOFF;
        while (!closing) {
            RedisSubscription subscription = null;
            try {
                HostAndPort address = subscriberAddress();
                Jedis jedis = new Jedis(address, settings.clientConfig("token-sockjs-subscriber"));
                subscription = new RedisSubscription(jedis, wanted, this::deliver, readTimeout, this::subscribed);
                currentAddress = address;
                current = subscription;
                if (!closing) {
                    subscription.run();
                }
            } catch (RuntimeException e) {
                if (!closing) {
                    lost(e);
                }
            } finally {
                current = null;
                if (subscription != null) {
                    subscription.disconnect();
                }
            }
            if (subscription != null && subscription.confirmed()) {
                backoff = FIRST_BACKOFF;
            }
            if (closing || pause(backoff)) {
                break;
            }
            backoff = backoff.multipliedBy(2).compareTo(settings.reconnectBackoffMax()) > 0
                    ? settings.reconnectBackoffMax() : backoff.multipliedBy(2);
        }
        LOG.fine("token-sockjs: Redis subscriber thread ends");
    }

    /** The server to subscribe on: the configured one, or the primary the Sentinels name now. */
    private HostAndPort subscriberAddress() {
        if (settings.mode() == RedisMode.SENTINEL && publisher.get() instanceof RedisSentinelClient sentinels) {
            return sentinels.getCurrentMaster();
        }
        return settings.hostAndPort();
    }

    private void deliver(String channel, String payload) {
        Listener current = listener;
        if (current != null && !closing) {
            current.onMessage(channel, payload);
        }
    }

    /** On the subscriber thread: every channel is subscribed again. */
    private void subscribed() {
        if (lostLogged) {
            lostLogged = false;
            reconnects.incrementAndGet();
            // Pooled connections opened before the failure are dead too: drop the idle ones now rather than
            // fail a publish on each.
            try {
                if (publisher.get() instanceof RedisClient single) {
                    single.getPool().clear();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not clear the Redis pool", e);
            }
            LOG.info(() -> "token-sockjs: Redis subscriber reconnected to " + settings.describe() + ", "
                    + wanted.size() + " channels subscribed again");
        } else {
            LOG.info(() -> "token-sockjs: Redis subscriber connected to " + settings.describe());
        }
    }

    private void lost(RuntimeException e) {
        if (!lostLogged) {
            lostLogged = true;
            LOG.warning("token-sockjs: Redis subscriber connection to " + settings.describe() + " failed (" + e
                    + "); publish/subscribe across servers is down, reconnecting");
        } else {
            LOG.log(Level.FINE, "token-sockjs: Redis still unreachable: " + e);
        }
    }

    private void keepAlive() {
        RedisSubscription subscription = current;
        if (subscription == null) {
            return;
        }
        if (settings.mode() == RedisMode.SENTINEL) {
            try {
                HostAndPort primary = subscriberAddress();
                if (!primary.equals(currentAddress)) {
                    LOG.info(() -> "token-sockjs: the Sentinels promoted " + primary + "; the Redis subscriber leaves "
                            + currentAddress);
                    subscription.disconnect();
                    return;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "token-sockjs: no primary from the Sentinels now", e);
            }
        }
        subscription.keepAlive();
    }

    /** @return true when the broker closed during the pause */
    private boolean pause(Duration duration) {
        try {
            return closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static boolean join(Thread thread) {
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
