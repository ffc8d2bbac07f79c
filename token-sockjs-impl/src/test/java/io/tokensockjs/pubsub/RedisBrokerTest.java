package io.tokensockjs.pubsub;

import io.tokensockjs.redis.RedisSettings;
import io.tokensockjs.testing.RedisServerExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two brokers, as two servers would hold, on one real redis-server. */
class RedisBrokerTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.onFreePort();

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final List<RedisBroker> brokers = new ArrayList<>();
    private final List<RedisClient> clients = new ArrayList<>();
    /** What one broker's listener received, as {@code channel payload}. */
    private record Node(RedisBroker broker, BlockingQueue<String> inbox) {

        String next() throws InterruptedException {
            String message = inbox.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("nothing delivered within 10 s");
            }
            return message;
        }
    }

    @AfterEach
    void close() {
        brokers.forEach(RedisBroker::close);
        clients.forEach(RedisClient::close);
        scheduler.shutdownNow();
        if (!REDIS.redis().isRunning()) {
            REDIS.redis().start();
        }
    }

    private RedisClient client() {
        RedisClient client = RedisClient.create(URI.create(REDIS.redis().url()));
        clients.add(client);
        return client;
    }

    private Node node() {
        return node(RedisBroker.KEEPALIVE);
    }

    private Node node(Duration keepalive) {
        RedisSettings settings = new RedisSettings(RedisSettings.parseUrl(REDIS.redis().url()), 4,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(400));
        RedisClient publisher = client();
        RedisBroker broker = new RedisBroker(settings, () -> publisher, Thread::new, scheduler, keepalive);
        brokers.add(broker);
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        broker.start((channel, payload) -> inbox.add(channel + " " + payload));
        await(broker::isHealthy, "the broker subscribed");
        return new Node(broker, inbox);
    }

    /** Subscribers of a channel, as Redis counts them (-1 while it is down): a fresh connection each time. */
    private static long subscribers(String channel) {
        try (Jedis jedis = new Jedis("127.0.0.1", REDIS.redis().port())) {
            Map<String, Long> counts = jedis.pubsubNumSub(channel);
            return counts.getOrDefault(channel, 0L);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Connections Redis counts from subscribers, by their client name. */
    private static long subscriberConnections() {
        try (Jedis jedis = new Jedis("127.0.0.1", REDIS.redis().port())) {
            return jedis.clientList().lines().filter(line -> line.contains("name=token-sockjs-subscriber")).count();
        }
    }

    private static Set<String> channelsInRedis(String pattern) {
        try (Jedis jedis = new Jedis("127.0.0.1", REDIS.redis().port())) {
            return new HashSet<>(jedis.pubsubChannels(pattern));
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void whatOnePublishesTheSubscribedOtherReceives() throws Exception {
        Node a = node();
        Node b = node();
        b.broker().subscribe("room");
        await(() -> subscribers("room") == 1, "b subscribed to room in Redis");
        a.broker().publish("room", "{\"n\":1}");
        assertEquals("room {\"n\":1}", b.next());
        a.broker().publish(ReservedChannels.BROADCAST, "\"all\"");
        assertEquals(ReservedChannels.BROADCAST + " \"all\"", a.next(), "every broker hears the reserved channels");
        assertEquals(ReservedChannels.BROADCAST + " \"all\"", b.next());
        assertNull(a.inbox().poll(), "a is not on room");

        b.broker().unsubscribe("room");
        await(() -> subscribers("room") == 0, "b unsubscribed from room in Redis");
        a.broker().publish("room", "{\"n\":2}");
        a.broker().publish(ReservedChannels.UNSUBSCRIBE_ALL, "\"fence\"");
        assertEquals(ReservedChannels.UNSUBSCRIBE_ALL + " \"fence\"", b.next(), "nothing on room came before the fence");
    }

    @Test
    void subscriptionChangesFromManyThreadsEndAsTheLastChangeOfEachChannel() throws Exception {
        Node a = node();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        // What the test asked for last, per channel: the expected state comes from the calls made, never from the
        // broker under test.
        Map<String, Boolean> lastChange = new ConcurrentHashMap<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                // Each thread owns its channels, as the channel registry serialises changes per channel.
                done.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 300; i++) {
                        String channel = "churn-" + seed + "-" + random.nextInt(8);
                        boolean subscribe = random.nextBoolean();
                        if (subscribe) {
                            a.broker().subscribe(channel);
                        } else {
                            a.broker().unsubscribe(channel);
                        }
                        lastChange.put(channel, subscribe);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        Set<String> expected = new TreeSet<>();
        lastChange.forEach((channel, subscribed) -> {
            if (subscribed) {
                expected.add(channel);
            }
        });
        assertFalse(expected.isEmpty(), "the random walk left some channels subscribed");
        await(() -> channelsInRedis("churn-*").equals(expected), "Redis holds exactly the channels last subscribed " + expected);
        assertEquals(expected, new TreeSet<>(a.broker().subscribedChannels()));
    }

    @Test
    void afterRedisDiesTheBrokerIsUnhealthyThenReconnectsAndSubscribesAgain() throws Exception {
        Node a = node();
        Node b = node();
        b.broker().subscribe("survivor");
        await(() -> subscribers("survivor") == 1, "subscribed before the crash");

        REDIS.redis().kill();
        await(() -> !a.broker().isHealthy() && !b.broker().isHealthy(), "both report the outage");
        assertThrows(IllegalStateException.class, () -> a.broker().publish("survivor", "\"lost\""));
        long started = System.nanoTime();
        b.broker().subscribe("joined-during-outage");
        b.broker().unsubscribe("survivor-2");
        assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(200), "changes return at once while Redis is down");

        REDIS.redis().start();
        await(() -> a.broker().isHealthy() && b.broker().isHealthy(), "both reconnected");
        await(() -> subscribers("survivor") == 1 && subscribers("joined-during-outage") == 1, "b subscribed to everything again");
        // The pooled connections died with the server; the first publish after the restart must not fail on one.
        a.broker().publish("survivor", "\"after\"");
        assertEquals("survivor \"after\"", b.next());
        b.broker().publish("joined-during-outage", "\"new\"");
        assertEquals("joined-during-outage \"new\"", b.next());
    }

    @Test
    void aQuietConnectionIsKeptAliveAndAFrozenRedisIsNoticed() throws Exception {
        Node a = node(Duration.ofMillis(200));
        a.broker().subscribe("quiet");
        await(() -> subscribers("quiet") == 1, "subscribed");
        // Five read timeouts of silence but for the pings: the connection must survive them.
        Thread.sleep(3000);
        assertTrue(a.broker().isHealthy());
        assertEquals(1, subscriberConnections(), "still the first subscriber connection");

        // A frozen Redis keeps the connection open and answers nothing: only the read timeout can tell.
        REDIS.redis().freeze();
        try {
            await(() -> !a.broker().isHealthy(), "the silent connection is taken for dead");
        } finally {
            REDIS.redis().thaw();
        }
        await(a.broker()::isHealthy, "reconnected after Redis woke up");
        await(() -> subscribers("quiet") == 1, "subscribed again");
    }

    @Test
    void closeUnsubscribesAndEndsTheThread() {
        Node a = node();
        a.broker().subscribe("closing");
        await(() -> subscribers("closing") == 1, "subscribed");
        a.broker().close();
        assertFalse(a.broker().isHealthy());
        await(() -> subscribers("closing") == 0, "unsubscribed in Redis");
        assertFalse(a.broker().subscriberThread().isAlive(), "the subscriber thread ended");
    }

    @Test
    void closeEndsTheThreadWhileRedisIsDown() {
        Node a = node();
        REDIS.redis().kill();
        await(() -> !a.broker().isHealthy(), "unhealthy");
        long started = System.nanoTime();
        a.broker().close();
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3), "close does not wait for Redis");
        assertFalse(a.broker().subscriberThread().isAlive(), "the subscriber thread ended");
    }
}
