package io.tokensockjs.history;

import io.tokensockjs.testing.RedisServerExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Redis Streams store on a real redis-server, as two servers would share it. */
class RedisHistoryStoreTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.onFreePort();

    private static final Duration RETENTION = Duration.ofHours(1);
    private static final HistoryRule KEEP_100 = new HistoryRule("*", 100, null);

    private final List<RedisClient> clients = new ArrayList<>();
    private final List<Subscriber> subscribers = new ArrayList<>();

    @AfterEach
    void close() {
        subscribers.forEach(Subscriber::close);
        clients.forEach(RedisClient::close);
        if (!REDIS.redis().isRunning()) {
            REDIS.redis().start();
        }
    }

    private RedisHistoryStore store() {
        RedisClient client = RedisClient.create(URI.create(REDIS.redis().url()));
        clients.add(client);
        return new RedisHistoryStore(client, RETENTION);
    }

    private Jedis jedis() {
        return new Jedis(URI.create(REDIS.redis().url()));
    }

    /** A plain Redis subscriber on one channel: what every server's broker receives. */
    private final class Subscriber extends JedisPubSub {
        final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        final CountDownLatch subscribed = new CountDownLatch(1);
        final Jedis jedis = jedis();
        final Thread thread;

        Subscriber(String channel) throws InterruptedException {
            thread = new Thread(() -> {
                try {
                    jedis.subscribe(this, channel);
                } catch (RuntimeException e) {
                    // closed
                }
            });
            thread.start();
            assertTrue(subscribed.await(10, TimeUnit.SECONDS), "subscribed");
            subscribers.add(this);
        }

        @Override
        public void onSubscribe(String channel, int count) {
            subscribed.countDown();
        }

        @Override
        public void onMessage(String channel, String message) {
            inbox.add(message);
        }

        Envelope next() throws InterruptedException {
            String message = inbox.poll(10, TimeUnit.SECONDS);
            assertNotNull(message, "a message within 10 s");
            Envelope envelope = Envelope.decode(message);
            assertNotNull(envelope, "an envelope: " + message);
            return envelope;
        }

        void close() {
            try {
                unsubscribe();
            } catch (RuntimeException e) {
                // not subscribed any more
            }
            jedis.close();
        }
    }

    @Test
    void publishesEachMessageWithTheNextOffsetAndKeepsIt() throws Exception {
        RedisHistoryStore store = store();
        Subscriber subscriber = new Subscriber("room");
        for (int i = 1; i <= 5; i++) {
            store.publish("room", KEEP_100, "{\"n\":" + i + "}");
        }
        Envelope first = subscriber.next();
        assertEquals(1, first.offset());
        assertEquals("{\"n\":1}", first.json());
        for (int i = 2; i <= 5; i++) {
            Envelope next = subscriber.next();
            assertEquals(i, next.offset());
            assertEquals(first.epoch(), next.epoch());
        }

        HistoryPage after2 = store.read("room", KEEP_100, 2, 10);
        assertEquals(first.epoch(), after2.epoch());
        assertEquals(5, after2.top());
        assertEquals(List.of(new HistoryEntry(3, "{\"n\":3}"), new HistoryEntry(4, "{\"n\":4}"), new HistoryEntry(5, "{\"n\":5}")),
                after2.entries());
        assertFalse(after2.lost());
        assertEquals(List.of(3L, 4L), store.read("room", KEEP_100, 2, 2).entries().stream().map(HistoryEntry::offset).toList(),
                "the limit, oldest first");
        assertTrue(store.read("room", KEEP_100, 2, 2).more(2));
        assertEquals(List.of(4L, 5L), store.read("room", KEEP_100, -1, 2).entries().stream().map(HistoryEntry::offset).toList(),
                "the latest two, oldest first");
        HistoryPage meta = store.read("room", KEEP_100, -1, 0);
        assertEquals(List.of(), meta.entries());
        assertEquals(5, meta.top());
        assertEquals(List.of(), store.read("room", KEEP_100, 5, 10).entries(), "nothing after the top");
    }

    @Test
    void twoServersPublishingAtOnceGiveOneOrderThatLiveDeliveryAndHistoryAgreeOn() throws Exception {
        RedisHistoryStore a = store();
        RedisHistoryStore b = store();
        Subscriber subscriber = new Subscriber("race");
        int perThread = 250;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                RedisHistoryStore store = t % 2 == 0 ? a : b;
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.publish("race", new HistoryRule("race", 2000, null), "{\"t\":" + thread + ",\"i\":" + i + "}");
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        List<Envelope> live = new ArrayList<>();
        for (int i = 0; i < 4 * perThread; i++) {
            live.add(subscriber.next());
        }
        for (int i = 0; i < live.size(); i++) {
            assertEquals(i + 1, live.get(i).offset(), "live messages come in offset order, without a gap");
        }
        HistoryPage page = a.read("race", new HistoryRule("race", 2000, null), 0, 2000);
        assertEquals(live.size(), page.entries().size());
        for (int i = 0; i < live.size(); i++) {
            assertEquals(live.get(i).json(), page.entries().get(i).json(), "history holds what went live at offset " + (i + 1));
        }
    }

    @Test
    void sizeBoundsTheStreamAndReadsPastTheTrimmedPartSayLost() {
        RedisHistoryStore store = store();
        HistoryRule rule = new HistoryRule("bounded", 10, null);
        for (int i = 1; i <= 1000; i++) {
            store.publish("bounded", rule, "{\"i\":" + i + "}");
        }
        try (Jedis jedis = jedis()) {
            long length = jedis.xlen(RedisHistoryStore.streamKey("bounded"));
            // MAXLEN ~ trims whole stream nodes (100 entries by default).
            assertTrue(length >= 10 && length <= 10 + 100, "the stream holds " + length);
            assertTrue(jedis.pttl(RedisHistoryStore.streamKey("bounded")) > 0, "the stream expires if left silent");
            assertTrue(jedis.pttl(RedisHistoryStore.metaKey("bounded")) > 0, "its epoch too");
        }
        HistoryPage fromStart = store.read("bounded", rule, 0, 5);
        assertTrue(fromStart.lost(), "messages after offset 0 are gone");
        assertFalse(store.read("bounded", rule, 995, 5).lost());
        assertEquals(List.of(996L, 997L, 998L, 999L, 1000L),
                store.read("bounded", rule, 995, 5).entries().stream().map(HistoryEntry::offset).toList());
    }

    @Test
    void ttlDropsOldMessages() throws InterruptedException {
        RedisHistoryStore store = store();
        HistoryRule rule = new HistoryRule("timed", 1000, Duration.ofMillis(200));
        for (int i = 1; i <= 5; i++) {
            store.publish("timed", rule, "{\"i\":" + i + "}");
        }
        Thread.sleep(400);
        try (Jedis jedis = jedis()) {
            assertEquals(5, jedis.xlen(RedisHistoryStore.streamKey("timed")), "nothing trims a silent stream");
        }
        store.publish("timed", rule, "{\"i\":6}");
        try (Jedis jedis = jedis()) {
            assertEquals(1, jedis.xlen(RedisHistoryStore.streamKey("timed")), "only the fresh message is kept");
        }
        HistoryPage page = store.read("timed", rule, 0, 100);
        assertTrue(page.lost());
        assertEquals(List.of(new HistoryEntry(6, "{\"i\":6}")), page.entries());
        Thread.sleep(400);
        assertEquals(List.of(), store.read("timed", rule, 0, 100).entries(), "expired on reading too");
    }

    @Test
    void ttlTrimsALongBacklogInOneStep() throws InterruptedException {
        RedisHistoryStore store = store();
        HistoryRule rule = new HistoryRule("backlog", 100_000, Duration.ofMillis(300));
        for (int i = 1; i <= 5000; i++) {
            store.publish("backlog", rule, "{}");
        }
        Thread.sleep(600);
        for (int i = 1; i <= 3; i++) {
            store.publish("backlog", rule, "{\"fresh\":" + i + "}");
        }
        try (Jedis jedis = jedis()) {
            assertEquals(3, jedis.xlen(RedisHistoryStore.streamKey("backlog")), "5000 old entries trimmed at once");
        }
        assertEquals(List.of(5001L, 5002L, 5003L), store.read("backlog", rule, 4990, 100).entries().stream()
                .map(HistoryEntry::offset).toList());
    }

    @Test
    void aRedisRestartWithoutPersistenceGivesANewEpochFromOffsetOne() throws Exception {
        RedisHistoryStore store = store();
        for (int i = 1; i <= 3; i++) {
            store.publish("restart", KEEP_100, "{\"i\":" + i + "}");
        }
        String before = store.read("restart", KEEP_100, -1, 0).epoch();
        REDIS.redis().kill();
        REDIS.redis().start();
        // The pooled connections died with the server: the first command on one fails, as a publish would.
        HistoryPage after;
        try {
            after = store.read("restart", KEEP_100, 3, 10);
        } catch (IllegalStateException e) {
            after = store.read("restart", KEEP_100, 3, 10);
        }
        assertNotEquals(before, after.epoch(), "a new epoch: the history is gone");
        assertEquals(0, after.top());
        Subscriber subscriber = new Subscriber("restart");
        store.publish("restart", KEEP_100, "{\"i\":\"again\"}");
        Envelope again = subscriber.next();
        assertEquals(1, again.offset());
        assertEquals(after.epoch(), again.epoch());
    }
}
