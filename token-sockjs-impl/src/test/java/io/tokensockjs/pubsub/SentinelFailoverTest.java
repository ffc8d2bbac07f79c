package io.tokensockjs.pubsub;

import io.tokensockjs.auth.RedisTokenStore;
import io.tokensockjs.auth.TokenData;
import io.tokensockjs.redis.RedisConnections;
import io.tokensockjs.redis.RedisSettings;
import io.tokensockjs.testing.RedisNode;
import io.tokensockjs.testing.RedisSentinelGroup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Sentinel deployment of real processes (primary, replica, three Sentinels); two brokers stand for two servers.
 * The primary is SIGKILLed under a steady stream of messages: the brokers go unhealthy, follow the promotion,
 * become healthy again, and every message lost was published inside the fault window. Tokens written before the
 * kill (and replicated) are redeemed on the promoted replica; new ones are issued there.
 */
class SentinelFailoverTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void tokensAndPubSubFollowThePromotedReplica() throws Exception {
        RedisSentinelGroup redis = RedisSentinelGroup.start();
        closing.add(redis);
        RedisSettings settings = new RedisSettings(RedisSettings.parseUrl(redis.url()), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(400));
        UnifiedJedis pooled = RedisConnections.pooled(settings);
        closing.add(pooled);
        RedisTokenStore tokens = new RedisTokenStore(pooled);

        String kept = tokens.issue(data("before"), Duration.ofMinutes(1));
        try (Jedis primary = redis.primary().client()) {
            // Replication is asynchronous: the test waits for it, as an application cannot.
            assertEquals(1, primary.waitReplicas(1, 1500));
        }

        RedisBroker a = broker(settings, pooled);
        RedisBroker b = broker(settings, pooled);
        FailoverProbe probe = new FailoverProbe(a, "prices");
        closing.add(probe);
        a.start(probe.receiver());
        b.start(probe.receiver());
        a.subscribe("prices");
        b.subscribe("prices");
        RedisNode.awaitTrue(() -> a.isHealthy() && b.isHealthy(), Duration.ofSeconds(10), () -> "brokers not subscribed");
        TimeUnit.MILLISECONDS.sleep(300);
        HealthRecorder health = new HealthRecorder(() -> a.isHealthy() && b.isHealthy());
        closing.add(health);
        probe.start();
        TimeUnit.SECONDS.sleep(1);

        long killedAt = System.nanoTime();
        redis.killPrimary();
        assertThrows(IllegalStateException.class, () -> tokens.issue(data("during"), Duration.ofSeconds(30)),
                "no primary: issuing fails with a clear exception, it does not hang");
        redis.awaitPromotion(Duration.ofSeconds(60));
        RedisNode.awaitTrue(() -> health.lastUp() > killedAt, Duration.ofSeconds(30), () -> "brokers not healthy again");
        long upAt = health.lastUp();
        // Resumed means each broker goes on receiving; how soon depends on the machine's load, so wait for it.
        RedisNode.awaitTrue(() -> probe.receivedSince(0, upAt) > 100 && probe.receivedSince(1, upAt) > 100,
                Duration.ofSeconds(30), () -> "deliveries did not resume on both brokers");
        probe.stop();

        assertTrue(health.firstDownAfter(killedAt) > 0, "readiness went DOWN during the failover");
        assertNotEquals(redis.primary().port(), redis.currentPrimary().getPort());
        assertEquals(data("before").authJson(), tokens.redeem(kept).orElseThrow().authJson(),
                "a replicated token is redeemed on the promoted replica");
        String after = tokens.issue(data("after"), Duration.ofMinutes(1));
        assertEquals(data("after").authJson(), tokens.redeem(after).orElseThrow().authJson());

        List<FailoverProbe.Sent> lost = probe.lost();
        for (FailoverProbe.Sent message : lost) {
            assertTrue(message.at() >= killedAt - TimeUnit.MILLISECONDS.toNanos(100) && message.at() <= upAt,
                    "message " + message.number() + " lost outside the fault window");
        }
        System.out.printf("[sentinel failover] kill to healthy again %d ms; %d messages taken, %d refused, %d lost "
                        + "(all inside the window)%n", TimeUnit.NANOSECONDS.toMillis(upAt - killedAt), probe.taken(),
                probe.refused(), lost.size());
    }

    static TokenData data(String user) {
        return new TokenData("{\"user\":\"" + user + "\"}", "localhost", List.of("127.0.0.1"), System.currentTimeMillis());
    }

    private RedisBroker broker(RedisSettings settings, UnifiedJedis pooled) {
        RedisBroker broker = new RedisBroker(settings, () -> pooled, Thread::new, scheduler, Duration.ofMillis(500));
        closing.add(broker::close);
        return broker;
    }
}
