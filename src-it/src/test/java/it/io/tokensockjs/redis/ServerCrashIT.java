package it.io.tokensockjs.redis;

import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server killed with SIGKILL (no clean-up of any kind) leaves the cluster's presence within the configured
 * {@code token-sockjs.cluster.server-ttl} (3 s in the test application), and the surviving server removes its
 * entries from Redis. It kills server B for good, so the build runs it last, in an execution of its own.
 */
public class ServerCrashIT {

    /** The test application's token-sockjs.cluster.server-ttl. */
    private static final Duration SERVER_TTL = Duration.ofSeconds(3);

    private final List<TokenSocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TokenSocketClient::close);
    }

    @Test
    void theEntriesOfAKilledServerExpireAndAreRemoved() throws Exception {
        SharedRedis.start();
        Member alice = Member.connect(Node.A, "k-alice", "user");
        Member bob = Member.connect(Node.B, "k-bob", "user");
        clients.add(alice.client());
        clients.add(bob.client());
        alice.subscribe("k-room");
        bob.subscribe("k-room");
        // This run's Redis is new: each server's entries count from its first heartbeat on it (within a third of the TTL).
        long live = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (alice.call("cluster.presence", Json.createValue("k-room")).asJsonArray().size() != 2) {
            assertTrue(System.nanoTime() < live, "both sockets in presence before the kill");
            SharedRedis.sleep(50);
        }
        String bobId = bob.call("cluster.me", JsonValue.NULL).asJsonObject().getString("socket");

        // Liberty's server process has the server's name as an argument; Payara Micro's has its runtime directory
        // (--rootdir .../redisB).
        ProcessHandle serverB = ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(args -> List.of(args).stream()
                        .anyMatch(arg -> arg.equals("redisB") || arg.endsWith("/redisB"))).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no process of the server redisB"));
        long killed = System.nanoTime();
        assertTrue(serverB.destroyForcibly(), "SIGKILL to " + serverB.pid());
        serverB.onExit().get();

        // A correctness bound, not a performance figure: the TTL, plus a heartbeat period of the killed server (it may
        // have just beaten) and a margin for this loop and a loaded machine.
        long bound = System.nanoTime() + SERVER_TTL.plus(SERVER_TTL.dividedBy(3)).plusSeconds(3).toNanos();
        while (alice.call("cluster.presence", Json.createValue("k-room")).asJsonArray().size() != 1) {
            assertTrue(System.nanoTime() < bound, "B's socket still present " + Duration.ofNanos(System.nanoTime() - killed));
            SharedRedis.sleep(50);
        }
        System.out.println("[crash] B's entries left presence " + Duration.ofNanos(System.nanoTime() - killed).toMillis()
                + " ms after SIGKILL (server-ttl " + SERVER_TTL + ")");
        assertEquals("k-alice", alice.call("cluster.presence", Json.createValue("k-room")).asJsonArray()
                .getJsonObject(0).getString("user"));
        assertTrue(!alice.call("cluster.users", JsonValue.NULL).asJsonArray().contains(Json.createValue("k-bob")));
        assertEquals(JsonValue.FALSE, alice.call("cluster.close", Json.createObjectBuilder().add("socket", bobId)
                .add("reason", "gone").build()), "no live server holds it");

        // A's next heartbeats remove B's entries from Redis, not just hide them.
        try (Jedis jedis = new Jedis(Node.HOST, Integer.getInteger("it.redis.port"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (jedis.hexists("token-sockjs:cluster:channel:k-room", bobId)
                    || jedis.hexists("token-sockjs:cluster:sockets", bobId)) {
                assertTrue(System.nanoTime() < deadline, "B's entries still in Redis");
                SharedRedis.sleep(100);
            }
            assertEquals(1, jedis.hlen("token-sockjs:cluster:channel:k-room"));
        }
    }
}
