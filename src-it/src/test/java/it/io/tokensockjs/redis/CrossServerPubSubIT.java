package it.io.tokensockjs.redis;

import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publish/subscribe and tokens across two servers that share one Redis. */
public class CrossServerPubSubIT {

    private final List<TokenSocketClient> clients = new ArrayList<>();

    @BeforeAll
    static void redis() {
        SharedRedis.start();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TokenSocketClient::close);
    }

    private Member member(Node node, String user, String role) {
        Member member = Member.connect(node, user, role);
        clients.add(member.client());
        return member;
    }

    private static JsonObject text(String text) {
        return Json.createObjectBuilder().add("text", text).build();
    }

    @Test
    void aPublishOnOneServerReachesSubscribersOnBoth() throws Exception {
        Member alice = member(Node.A, "alice", "user");
        Member bob = member(Node.B, "bob", "user");
        Member carol = member(Node.B, "carol", "user");
        alice.subscribe("x-room");
        bob.subscribe("x-room");
        carol.subscribe("x-room");
        SharedRedis.awaitSubscribers("x-room", 2);

        alice.client().publish("x-room", text("from A")).toCompletableFuture().join();
        assertEquals("x-room {\"text\":\"from A\"}", alice.next());
        assertEquals("x-room {\"text\":\"from A\"}", bob.next());
        assertEquals("x-room {\"text\":\"from A\"}", carol.next());

        bob.client().publish("x-room", text("from B")).toCompletableFuture().join();
        assertEquals("x-room {\"text\":\"from B\"}", alice.next());
        assertEquals("x-room {\"text\":\"from B\"}", bob.next());
        assertEquals("x-room {\"text\":\"from B\"}", carol.next());

        // The filters still run on the receiving server.
        alice.client().publish("x-room", Json.createObjectBuilder().add("title", "t").add("secret", "s").build())
                .toCompletableFuture().join();
        assertEquals("x-room {\"title\":\"t\"}", bob.next());
        assertEquals("x-room {\"title\":\"t\"}", alice.next());
        carol.next();
    }

    @Test
    void broadcastReachesEveryChannelOnBothServers() throws Exception {
        Member root = member(Node.A, "root", "admin");
        Member dave = member(Node.A, "dave", "user");
        Member erin = member(Node.B, "erin", "user");
        dave.subscribe("x-b1");
        erin.subscribe("x-b1");
        erin.subscribe("x-b2");
        SharedRedis.awaitSubscribers("x-b1", 2);
        SharedRedis.awaitSubscribers("x-b2", 1);

        root.client().broadcast(text("all")).toCompletableFuture().join();
        assertEquals("x-b1 {\"text\":\"all\"}", dave.next());
        assertEquals(List.of("x-b1 {\"text\":\"all\"}", "x-b2 {\"text\":\"all\"}"),
                List.of(erin.next(), erin.next()).stream().sorted().toList());
    }

    @Test
    void unsubscribeAllOnOneServerDropsTheChannelOnBoth() throws Exception {
        Member frank = member(Node.A, "frank", "user");
        Member grace = member(Node.B, "grace", "user");
        Member heidi = member(Node.B, "heidi", "user");
        frank.subscribe("x-ops");
        grace.subscribe("x-ops");
        heidi.subscribe("x-ops");
        heidi.subscribe("x-other");
        SharedRedis.awaitSubscribers("x-ops", 2);

        frank.call("server.unsubscribeAll", Json.createValue("x-ops"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((frank.client().channels().contains("x-ops") || grace.client().channels().contains("x-ops")
                || heidi.client().channels().contains("x-ops")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(!frank.client().channels().contains("x-ops") && !grace.client().channels().contains("x-ops")
                && !heidi.client().channels().contains("x-ops"), "every client on both servers was told it left");
        assertEquals(Json.createValue(0), frank.call("server.channelSockets", Json.createValue("x-ops")));
        assertEquals(Json.createValue(0), grace.call("server.channelSockets", Json.createValue("x-ops")));
        // The last local socket left on each server: neither listens to the channel in Redis any more.
        SharedRedis.awaitSubscribers("x-ops", 0);
        assertEquals(Json.createValue(1), heidi.call("server.channelSockets", Json.createValue("x-other")));

        frank.call("server.publish", Json.createObjectBuilder().add("channel", "x-ops").add("data", text("late")).build());
        frank.call("server.publish", Json.createObjectBuilder().add("channel", "x-other").add("data", text("fence")).build());
        assertEquals("x-other {\"text\":\"fence\"}", heidi.next(), "nothing on x-ops came before the fence");
        assertNull(grace.inbox().poll());
    }

    @Test
    void aTokenIssuedByOneServerIsRedeemedOnTheOtherOnce() throws Exception {
        HttpClient aliceOnA = Node.A.loggedIn("alice", "admin");
        String token = Node.A.client(aliceOnA).requestToken().toCompletableFuture().join();

        // B has never seen alice's session: it knows her only through the token's data in Redis.
        TokenSocketClient onB = Node.B.client(HttpClient.newHttpClient()).connectWith(token).toCompletableFuture().join();
        clients.add(onB);
        JsonValue who = onB.rpc("math.whoami", JsonValue.NULL).toCompletableFuture().join();
        assertEquals("alice", who.asJsonObject().getString("user"));
        assertEquals("admin", who.asJsonObject().getString("role"));

        assertEquals("Invalid token", Node.B.refusal(token), "a second redeem on the same server");
        assertEquals("Invalid token", Node.A.refusal(token), "a second redeem on the issuing server");
    }

    @Test
    void readinessIsUpOnBothWithTheRedisBroker() {
        for (Node node : List.of(Node.A, Node.B)) {
            HttpResponse<String> ready = node.readiness();
            assertEquals(200, ready.statusCode(), node + ": " + ready.body());
            assertTrue(ready.body().contains("token-sockjs-pubsub") && ready.body().contains("\"UP\""), ready.body());
            assertTrue(ready.body().contains("Redis redis://127.0.0.1:" + Integer.getInteger("it.redis.port")), ready.body());
        }
    }
}
