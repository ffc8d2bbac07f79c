package it.io.tokensockjs.redis;

import io.tokensockjs.testing.RedisProcess;

import redis.clients.jedis.Jedis;

import java.time.Duration;
import java.util.Map;

/**
 * The Redis both servers were configured with: started by the first test that needs it, on the port the build
 * reserved for it ({@code it.redis.port}), and left running for the others until the test JVM ends. The servers
 * started before it and connect when it appears.
 */
final class SharedRedis {

    private static RedisProcess redis;

    private SharedRedis() {
    }

    /** Starts Redis if it is not running, then waits until both servers report ready. */
    static synchronized RedisProcess start() {
        if (redis == null) {
            Integer port = Integer.getInteger("it.redis.port");
            if (port == null) {
                throw new IllegalStateException("it.redis.port is not set: run through the build, which reserves it");
            }
            redis = RedisProcess.startOn(port);
            RedisProcess started = redis;
            Runtime.getRuntime().addShutdownHook(new Thread(started::kill, "stop-test-redis"));
            System.out.println("[redis] " + started + " started for the cross-server tests");
        } else if (!redis.isRunning()) {
            redis.start();
        }
        awaitReady(Duration.ofSeconds(60));
        return redis;
    }

    /** Waits until both servers' readiness is UP (their subscribers are subscribed). */
    static void awaitReady(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!(Node.A.ready() && Node.B.ready())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the servers are not ready within " + bound + ": A " + Node.A.readiness().body()
                        + ", B " + Node.B.readiness().body());
            }
            sleep(100);
        }
    }

    /** How many connections Redis counts on a channel: one per server with a local socket on it. */
    static long subscribers(String channel) {
        try (Jedis jedis = new Jedis(Node.HOST, redis.port())) {
            Map<String, Long> counts = jedis.pubsubNumSub(channel);
            return counts.getOrDefault(channel, 0L);
        }
    }

    /** Waits until Redis counts that many subscribed servers on the channel. */
    static void awaitSubscribers(String channel, long servers) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long now = subscribers(channel);
        while (now != servers) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(servers + " servers expected on " + channel + " in Redis, " + now + " there");
            }
            sleep(20);
            now = subscribers(channel);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
