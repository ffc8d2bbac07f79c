package io.tokensockjs.pubsub;

import io.tokensockjs.history.Delivery;
import io.tokensockjs.history.Envelope;
import io.tokensockjs.history.HistoryEntry;
import io.tokensockjs.history.HistoryPage;
import io.tokensockjs.history.HistoryRule;
import io.tokensockjs.history.RedisHistoryStore;
import io.tokensockjs.redis.RedisConnections;
import io.tokensockjs.redis.RedisSettings;
import io.tokensockjs.testing.RedisClusterGroup;
import io.tokensockjs.testing.RedisNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Channel history on a real Redis Cluster of six processes, with sharded pub/sub: two history stores and two sharded
 * brokers stand for two servers. What one server publishes through its history script reaches the other's
 * SSUBSCRIBE subscription with its offset, on channels of every shard and on channels with hash tags; offsets go out
 * in order when both publish at once; either store reads (recovers) what the other kept.
 */
class ClusterHistoryTest {

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2);
    private static final HistoryRule KEEP_1000 = new HistoryRule("*", 1000, null);
    private static RedisClusterGroup cluster;
    private static RedisSettings settings;
    private static UnifiedJedis pooledA;
    private static UnifiedJedis pooledB;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterGroup.start();
        settings = new RedisSettings(RedisSettings.parseUrl(cluster.url()), 4, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMillis(400));
        pooledA = RedisConnections.pooled(settings);
        pooledB = RedisConnections.pooled(settings);
    }

    @AfterAll
    static void stopCluster() {
        for (UnifiedJedis pooled : new UnifiedJedis[] {pooledA, pooledB}) {
            if (pooled != null) {
                pooled.close();
            }
        }
        if (cluster != null) {
            cluster.close();
        }
        SCHEDULER.shutdownNow();
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void keptMessagesOfEveryShardAndHashTagReachTheOtherServerWithTheirOffsets() throws Exception {
        List<String> channels = new ArrayList<>(channelsOnEveryShard("kept-"));
        // Hash tags: two channels of one tag, a tag inside the name, an unclosed brace.
        channels.addAll(List.of("{team-9}", "{team-9}.chat", "user.{42}.inbox", "odd{name"));
        BlockingQueue<String> toB = new LinkedBlockingQueue<>();
        ShardedRedisBroker b = broker();
        b.start((channel, payload) -> toB.add(channel + " " + payload));
        channels.forEach(b::subscribe);
        RedisNode.awaitTrue(b::isHealthy, Duration.ofSeconds(20), () -> "broker not subscribed");
        RedisNode.awaitTrue(() -> channels.stream().allMatch(c -> shardSubscribers(c) == 1), Duration.ofSeconds(20),
                () -> "the channels are not shard-subscribed on their primaries");
        RedisHistoryStore storeA = new RedisHistoryStore(pooledA, Duration.ofHours(1), Delivery.SHARDED);
        RedisHistoryStore storeB = new RedisHistoryStore(pooledB, Duration.ofHours(1), Delivery.SHARDED);

        for (String channel : channels) {
            storeA.publish(channel, KEEP_1000, "\"one-" + channel + "\"");
            Envelope first = receive(toB, channel);
            assertEquals(1, first.offset(), channel);
            assertEquals("\"one-" + channel + "\"", first.json());
            storeB.publish(channel, KEEP_1000, "\"two-" + channel + "\"");
            Envelope second = receive(toB, channel);
            assertEquals(2, second.offset(), channel);
            assertEquals(first.epoch(), second.epoch(), "one epoch whichever server publishes");

            HistoryPage all = storeB.read(channel, KEEP_1000, 0, 10);
            assertEquals(List.of(new HistoryEntry(1, "\"one-" + channel + "\""), new HistoryEntry(2, "\"two-" + channel + "\"")),
                    all.entries(), channel);
            assertEquals(first.epoch(), all.epoch());
            HistoryPage missed = storeA.read(channel, KEEP_1000, 1, 10);
            assertEquals(List.of(new HistoryEntry(2, "\"two-" + channel + "\"")), missed.entries(), "recovery after 1");
            assertFalse(missed.lost());
        }
        assertEquals(null, toB.poll(200, TimeUnit.MILLISECONDS), "nothing else delivered");
    }

    @Test
    void offsetsGoOutInOrderWhenTwoServersPublishAtOnce() throws Exception {
        String channel = "race-" + System.nanoTime();
        BlockingQueue<String> toA = new LinkedBlockingQueue<>();
        ShardedRedisBroker a = broker();
        a.start((c, payload) -> toA.add(c + " " + payload));
        a.subscribe(channel);
        RedisNode.awaitTrue(() -> a.isHealthy() && shardSubscribers(channel) == 1, Duration.ofSeconds(20),
                () -> "broker not shard-subscribed on the channel's primary");
        RedisHistoryStore storeA = new RedisHistoryStore(pooledA, Duration.ofHours(1), Delivery.SHARDED);
        RedisHistoryStore storeB = new RedisHistoryStore(pooledB, Duration.ofHours(1), Delivery.SHARDED);
        int each = 200;
        ExecutorService publishers = Executors.newFixedThreadPool(2);
        try {
            Future<?> fromA = publishers.submit(() -> publishMany(storeA, channel, "a", each));
            Future<?> fromB = publishers.submit(() -> publishMany(storeB, channel, "b", each));
            fromA.get(60, TimeUnit.SECONDS);
            fromB.get(60, TimeUnit.SECONDS);
        } finally {
            publishers.shutdownNow();
        }
        for (long offset = 1; offset <= 2L * each; offset++) {
            assertEquals(offset, receive(toA, channel).offset(), "offsets in order, no gap, no duplicate");
        }
        HistoryPage page = storeA.read(channel, KEEP_1000, 2L * each - 5, 100);
        assertEquals(2L * each, page.top());
        assertEquals(5, page.entries().size());
    }

    @Test
    void aChannelNameThatCannotShareASlotWithItsKeysIsRefusedClearly() {
        RedisHistoryStore store = new RedisHistoryStore(pooledA, Duration.ofHours(1), Delivery.SHARDED);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> store.publish("half}open", KEEP_1000, "1"));
        assertTrue(refused.getMessage().contains("half}open") && refused.getMessage().contains("Redis Cluster"),
                refused.getMessage());
        assertThrows(IllegalStateException.class, () -> store.read("half}open", KEEP_1000, 0, 10));
    }

    private static void publishMany(RedisHistoryStore store, String channel, String who, int count) {
        for (int i = 0; i < count; i++) {
            store.publish(channel, KEEP_1000, "\"" + who + i + "\"");
        }
    }

    private static Envelope receive(BlockingQueue<String> inbox, String channel) throws InterruptedException {
        String message = inbox.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "nothing received on " + channel);
        assertTrue(message.startsWith(channel + " "), message);
        String payload = message.substring(channel.length() + 1);
        assertTrue(Envelope.isEnvelope(payload), payload);
        return Envelope.decode(payload);
    }

    /** One channel per primary: names tried until each of the three shards has one. */
    private static List<String> channelsOnEveryShard(String prefix) {
        Map<Integer, String> byPrimary = new HashMap<>();
        for (int i = 0; byPrimary.size() < 3 && i < 1000; i++) {
            String channel = prefix + i;
            byPrimary.putIfAbsent(cluster.primaryOf(channel).port(), channel);
        }
        return List.copyOf(byPrimary.values());
    }

    /** {@code PUBSUB SHARDNUMSUB} on the channel's primary. */
    private static long shardSubscribers(String channel) {
        try (redis.clients.jedis.Jedis jedis = cluster.primaryOf(channel).client()) {
            List<?> reply = (List<?>) jedis.sendCommand(redis.clients.jedis.Protocol.Command.PUBSUB, "SHARDNUMSUB", channel);
            return (Long) reply.get(1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private ShardedRedisBroker broker() {
        ShardedRedisBroker broker = new ShardedRedisBroker(settings, () -> pooledA, Thread::new, SCHEDULER);
        closing.add(broker::close);
        return broker;
    }
}
