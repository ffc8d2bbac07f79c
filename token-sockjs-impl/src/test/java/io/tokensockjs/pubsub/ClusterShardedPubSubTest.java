package io.tokensockjs.pubsub;

import io.tokensockjs.auth.RedisTokenStore;
import io.tokensockjs.redis.RedisConnections;
import io.tokensockjs.redis.RedisSettings;
import io.tokensockjs.redis.RedisTls;
import io.tokensockjs.testing.RedisClusterGroup;
import io.tokensockjs.testing.RedisNode;
import io.tokensockjs.testing.TestCertificate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Redis Cluster of six real processes, TLS only with an ACL user (the default user off), as a managed service
 * runs one; two brokers stand for two servers. Channels on different shards are subscribed with SSUBSCRIBE on
 * their own primaries (never with plain SUBSCRIBE), messages cross between the brokers, tokens are keys; then the
 * primary of one channel is SIGKILLed under a stream of messages and the brokers follow its replica's promotion.
 */
class ClusterShardedPubSubTest {

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2);
    private static RedisClusterGroup cluster;
    private static RedisSettings settings;
    private static UnifiedJedis pooled;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterGroup.startSecured();
        TestCertificate certificate = cluster.certificate().orElseThrow();
        RedisTls trust = new RedisTls(Optional.of(certificate.truststore()), TestCertificate.TRUSTSTORE_PASSWORD, "PKCS12",
                Optional.empty());
        settings = new RedisSettings(RedisSettings.parseUrl(cluster.url()), trust, 4, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(400));
        pooled = RedisConnections.pooled(settings);
    }

    @AfterAll
    static void stopCluster() {
        if (pooled != null) {
            pooled.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        SCHEDULER.shutdownNow();
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void channelsOnDifferentShardsAreShardSubscribedAndCrossBetweenServers() throws Exception {
        List<String> channels = channelsOnEveryShard();
        BlockingQueue<String> toA = new LinkedBlockingQueue<>();
        BlockingQueue<String> toB = new LinkedBlockingQueue<>();
        ShardedRedisBroker a = broker();
        ShardedRedisBroker b = broker();
        a.start((channel, payload) -> toA.add(channel + " " + payload));
        b.start((channel, payload) -> toB.add(channel + " " + payload));
        channels.forEach(b::subscribe);
        RedisNode.awaitTrue(() -> a.isHealthy() && b.isHealthy(), Duration.ofSeconds(20), () -> "brokers not subscribed");
        RedisNode.awaitTrue(() -> channels.stream().allMatch(c -> shardSubscribers(c) == 1), Duration.ofSeconds(10),
                () -> "the channels are not shard-subscribed on their primaries");
        assertEquals(3, b.subscribedNodes().size(), "one subscription per primary owning a channel");

        for (String channel : channels) {
            a.publish(channel, "\"to-" + channel + "\"");
            assertEquals(channel + " \"to-" + channel + "\"", toB.poll(10, TimeUnit.SECONDS));
            RedisNode primary = cluster.primaryOf(channel);
            try (Jedis jedis = primary.client()) {
                assertEquals(0L, jedis.pubsubNumSub(channel).get(channel), "no plain SUBSCRIBE on " + channel);
            }
        }
        assertEquals(null, toA.poll(200, TimeUnit.MILLISECONDS), "A subscribed to nothing of these");

        a.publish(ReservedChannels.BROADCAST, "\"all\"");
        assertEquals(ReservedChannels.BROADCAST + " \"all\"", toA.poll(10, TimeUnit.SECONDS));
        assertEquals(ReservedChannels.BROADCAST + " \"all\"", toB.poll(10, TimeUnit.SECONDS));

        b.unsubscribe(channels.get(0));
        RedisNode.awaitTrue(() -> shardSubscribers(channels.get(0)) == 0, Duration.ofSeconds(10),
                () -> "SUNSUBSCRIBE not sent");

        RedisTokenStore tokens = new RedisTokenStore(pooled);
        String token = tokens.issue(SentinelFailoverTest.data("cluster"), Duration.ofMinutes(1));
        assertEquals(SentinelFailoverTest.data("cluster").authJson(), tokens.redeem(token).orElseThrow().authJson());
        assertTrue(tokens.redeem(token).isEmpty(), "once");
    }

    @Test
    void aShardFailoverIsFollowed() throws Exception {
        String channel = "failover-" + System.nanoTime();
        ShardedRedisBroker a = broker();
        ShardedRedisBroker b = broker();
        FailoverProbe probe = new FailoverProbe(a, channel);
        closing.add(probe);
        a.start(probe.receiver());
        b.start(probe.receiver());
        a.subscribe(channel);
        b.subscribe(channel);
        RedisNode.awaitTrue(() -> a.isHealthy() && b.isHealthy() && shardSubscribers(channel) == 2, Duration.ofSeconds(20),
                () -> "brokers not subscribed");
        HealthRecorder health = new HealthRecorder(() -> a.isHealthy() && b.isHealthy());
        closing.add(health);
        probe.start();
        TimeUnit.SECONDS.sleep(1);

        RedisNode failed = cluster.primaryOf(channel);
        long killedAt = System.nanoTime();
        failed.kill();
        RedisNode promoted = cluster.awaitFailover(channel, failed, Duration.ofSeconds(60));
        RedisNode.awaitTrue(() -> health.lastUp() > killedAt, Duration.ofSeconds(30), () -> "brokers not healthy again");
        long upAt = health.lastUp();
        // Resumed means each broker goes on receiving; how soon depends on the machine's load, so wait for it.
        RedisNode.awaitTrue(() -> probe.receivedSince(0, upAt) > 100 && probe.receivedSince(1, upAt) > 100,
                Duration.ofSeconds(30), () -> "deliveries did not resume on both brokers");
        probe.stop();

        assertNotEquals(failed.port(), promoted.port());
        assertTrue(health.firstDownAfter(killedAt) > 0, "readiness went DOWN during the shard failover");
        assertEquals(2, shardSubscribers(channel), "both brokers subscribed on the promoted replica");
        List<FailoverProbe.Sent> lost = probe.lost();
        for (FailoverProbe.Sent message : lost) {
            assertTrue(message.at() >= killedAt - TimeUnit.MILLISECONDS.toNanos(100) && message.at() <= upAt,
                    "message " + message.number() + " lost outside the fault window");
        }
        RedisTokenStore tokens = new RedisTokenStore(pooled);
        for (int i = 0; i < 20; i++) {
            // Keys on every shard, the failed-over one included.
            String token = tokens.issue(SentinelFailoverTest.data("after-" + i), Duration.ofMinutes(1));
            assertTrue(tokens.redeem(token).isPresent());
        }
        System.out.printf("[cluster shard failover] kill to healthy again %d ms; %d messages taken, %d refused, %d lost "
                        + "(all inside the window)%n", TimeUnit.NANOSECONDS.toMillis(upAt - killedAt), probe.taken(),
                probe.refused(), lost.size());
    }

    /** One channel per primary: names tried until each of the three shards has one. */
    private static List<String> channelsOnEveryShard() {
        Map<Integer, String> byPrimary = new java.util.HashMap<>();
        for (int i = 0; byPrimary.size() < 3 && i < 1000; i++) {
            String channel = "room-" + i;
            byPrimary.putIfAbsent(cluster.primaryOf(channel).port(), channel);
        }
        return List.copyOf(byPrimary.values());
    }

    /** {@code PUBSUB SHARDNUMSUB} on the channel's primary. */
    private static long shardSubscribers(String channel) {
        try (Jedis jedis = cluster.primaryOf(channel).client()) {
            List<Object> reply = (List<Object>) jedis.sendCommand(redis.clients.jedis.Protocol.Command.PUBSUB,
                    "SHARDNUMSUB", channel);
            return (Long) reply.get(1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private ShardedRedisBroker broker() {
        ShardedRedisBroker broker = new ShardedRedisBroker(settings, () -> pooled, Thread::new, SCHEDULER);
        closing.add(broker::close);
        return broker;
    }
}
