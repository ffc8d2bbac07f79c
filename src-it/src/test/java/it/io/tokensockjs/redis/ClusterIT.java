package it.io.tokensockjs.redis;

import io.tokensockjs.client.CloseStatus;
import io.tokensockjs.client.ServerErrorException;
import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One cluster, one view, on the two servers that share the test's Redis: presence of a channel, users online, send to
 * a user, a call to a client of the other server, closing a socket of the other server, revocation of a user and by
 * authentication data, re-validation (the test application's DoomedValidator), the presence events, and the clients'
 * {@code _presence}. Every operation is started on one server and acts on the other.
 */
public class ClusterIT {

    /** Channel names of this run: the servers' presence logs outlive a run. */
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    private final List<TokenSocketClient> clients = new ArrayList<>();

    @BeforeAll
    static void redis() {
        SharedRedis.start();
        awaitHeartbeats();
    }

    /**
     * Waits until both servers heartbeat on this Redis: readiness says their subscribers are back, but after a restart
     * of Redis (an earlier test's) each server's entries count only from its next heartbeat.
     */
    static void awaitHeartbeats() {
        try (redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis(Node.HOST, Integer.getInteger("it.redis.port"))) {
            for (Node node : List.of(Node.A, Node.B)) {
                Member member = Member.connect(node, "heartbeat", "user");
                try {
                    String key = "token-sockjs:cluster:server:" + me(member).getString("server");
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (!jedis.exists(key)) {
                        assertTrue(System.nanoTime() < deadline, node + " does not heartbeat on the test's Redis");
                        SharedRedis.sleep(50);
                    }
                } finally {
                    member.client().close();
                }
            }
        }
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

    private static JsonObject object(Object... keysAndValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value instanceof JsonValue json) {
                builder.add((String) keysAndValues[i], json);
            } else {
                builder.add((String) keysAndValues[i], String.valueOf(value));
            }
        }
        return builder.build();
    }

    /** {@code cluster.me}: the socket's id, its server's id and its user. */
    private static JsonObject me(Member member) {
        return member.call("cluster.me", JsonValue.NULL).asJsonObject();
    }

    private static String text(JsonValue value, String key) {
        return value.asJsonObject().getString(key);
    }

    /** {@code cluster.presence} asked on a server: {@code socket user server} for each entry, sorted by socket. */
    private static List<String> presence(Member asker, String channel) {
        JsonArray entries = asker.call("cluster.presence", Json.createValue(channel)).asJsonArray();
        return entries.stream().map(JsonValue::asJsonObject)
                .map(entry -> entry.getString("socketId") + " " + entry.getString("user") + " " + entry.getString("server"))
                .toList();
    }

    private static String entry(JsonObject me) {
        return me.getString("socket") + " " + me.getString("user") + " " + me.getString("server");
    }

    private static CloseStatus closeOf(Member member) throws Exception {
        return member.client().closed().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void presenceOfAChannelIsTheSameOnBothServers() throws Exception {
        Member alice = member(Node.A, "p-alice", "user");
        Member bob = member(Node.B, "p-bob", "user");
        JsonObject aliceMe = me(alice);
        JsonObject bobMe = me(bob);
        assertEquals("p-alice", aliceMe.getString("user"));
        assertNotEquals(aliceMe.getString("server"), bobMe.getString("server"), "two servers, two ids");

        String room = "p-room-" + RUN;
        alice.subscribe(room);
        bob.subscribe(room);
        List<String> both = java.util.stream.Stream.of(entry(aliceMe), entry(bobMe)).sorted().toList();
        assertEquals(both, presence(alice, room));
        assertEquals(both, presence(bob, room));

        JsonValue users = alice.call("cluster.users", JsonValue.NULL);
        Set<String> online = users.asJsonArray().stream().map(value -> ((JsonString) value).getString()).collect(Collectors.toSet());
        assertTrue(online.containsAll(Set.of("p-alice", "p-bob")), "users online: " + online);

        // The client's own question, on a channel it is on, answered from both servers' entries.
        JsonObject asked = bob.call("_presence", object("channel", room)).asJsonObject();
        assertEquals(object("channel", room, "users", Json.createArrayBuilder().add("p-alice").add("p-bob").build(),
                "sockets", Json.createValue(2)), asked);
        ServerErrorException refused = assertInstanceOf(ServerErrorException.class, assertThrows(CompletionException.class,
                () -> bob.call("_presence", object("channel", "p-elsewhere"))).getCause());
        assertEquals(Json.createValue("Forbidden"), refused.error(), "not subscribed: not told");

        bob.client().unsubscribe(room).toCompletableFuture().join();
        assertEquals(List.of(entry(aliceMe)), presence(bob, room));
        alice.client().close();
        alice.client().closed().toCompletableFuture().get(10, TimeUnit.SECONDS);
        awaitPresence(bob, room, List.of());

        // The presence events: each on the server of its socket.
        assertEquals(List.of("join p-bob", "leave p-bob"), events(bob, room), "B fires its own sockets' events only");
        Member carol = member(Node.A, "p-carol", "user");
        assertEquals(List.of("join p-alice", "leave p-alice"), events(carol, room));
    }

    private static List<String> events(Member asker, String channel) {
        return asker.call("cluster.events", Json.createValue(channel)).asJsonArray().stream()
                .map(value -> ((JsonString) value).getString()).toList();
    }

    private static void awaitPresence(Member asker, String channel, List<String> expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> now = presence(asker, channel);
        while (!now.equals(expected)) {
            assertTrue(System.nanoTime() < deadline, "presence of " + channel + " still " + now + ", not " + expected);
            SharedRedis.sleep(50);
            now = presence(asker, channel);
        }
    }

    @Test
    void sendToUserReachesEverySocketOfTheUserOnBothServers() throws Exception {
        Member onA = member(Node.A, "s-carol", "user");
        Member onB = member(Node.B, "s-carol", "user");
        Member other = member(Node.B, "s-dave", "user");
        JsonValue sent = other.call("cluster.sendToUser", object("user", "s-carol", "channel", "inbox",
                "data", object("text", "hello carol")));
        assertEquals(Json.createValue(2), sent);
        assertEquals("inbox {\"text\":\"hello carol\"}", onA.next());
        assertEquals("inbox {\"text\":\"hello carol\"}", onB.next());
        assertNull(other.inbox().poll(500, TimeUnit.MILLISECONDS), "another user gets nothing");
        assertEquals(Json.createValue(0), other.call("cluster.sendToUser", object("user", "s-nobody", "channel", "inbox",
                "data", JsonValue.TRUE)));
    }

    @Test
    void aServerCallsAClientOfTheOtherServerAndGetsItsAnswer() {
        TokenSocketClient erin = Node.B.client("r-erin", "user")
                .function("whoami", args -> CompletableFuture.completedFuture(object("me", "erin", "args", args)))
                .function("refuse", args -> CompletableFuture.failedFuture(new IllegalStateException("erin says no")))
                .connect().toCompletableFuture().join();
        clients.add(erin);
        String erinId = erin.rpc("cluster.me", JsonValue.NULL).toCompletableFuture().join().asJsonObject().getString("socket");
        Member frank = member(Node.A, "r-frank", "user");

        assertEquals(object("me", "erin", "args", Json.createArrayBuilder().add(1).add(2).build()),
                frank.call("cluster.call", object("socket", erinId, "function", "whoami",
                        "args", Json.createArrayBuilder().add(1).add(2).build())));
        ServerErrorException error = assertInstanceOf(ServerErrorException.class, assertThrows(CompletionException.class,
                () -> frank.call("cluster.call", object("socket", erinId, "function", "refuse", "args", JsonValue.NULL))).getCause());
        assertEquals(Json.createValue("erin says no"), error.error(), "the client's error, routed back");
        ServerErrorException missing = assertInstanceOf(ServerErrorException.class, assertThrows(CompletionException.class,
                () -> frank.call("cluster.call", object("socket", "no-such-socket", "function", "whoami", "args", JsonValue.NULL))).getCause());
        assertEquals(Json.createValue("Socket not found"), missing.error());
    }

    @Test
    void aSocketOfTheOtherServerIsClosedWithTheReason() throws Exception {
        Member gina = member(Node.B, "c-gina", "user");
        Member admin = member(Node.A, "c-admin", "admin");
        String ginaId = text(me(gina), "socket");

        assertEquals(JsonValue.TRUE, admin.call("cluster.close", object("socket", ginaId, "reason", "Bye gina")));
        assertEquals(new CloseStatus(4403, "Bye gina"), closeOf(gina));
        assertEquals(JsonValue.FALSE, admin.call("cluster.close", object("socket", ginaId, "reason", "again")),
                "closed already");
        assertTrue(admin.client().isOpen());
    }

    @Test
    void revokingAUserClosesItsSocketsOnBothServersAndNoOtherOnes() throws Exception {
        Member onA = member(Node.A, "v-harry", "user");
        Member onB = member(Node.B, "v-harry", "user");
        Member bystander = member(Node.B, "v-ivan", "user");
        Member admin = member(Node.A, "v-admin", "admin");

        assertEquals(Json.createValue(2), admin.call("cluster.closeUser", object("user", "v-harry", "reason", "Account suspended")));
        assertEquals(new CloseStatus(4403, "Account suspended"), closeOf(onA));
        assertEquals(new CloseStatus(4403, "Account suspended"), closeOf(onB));
        assertTrue(bystander.client().isOpen());
        assertTrue(admin.client().isOpen());
        awaitUsersWithout(admin, "v-harry");

        // By a predicate on the authentication data, carried as data to each server.
        Member guestA = member(Node.A, "v-guest1", "guest");
        Member guestB = member(Node.B, "v-guest2", "guest");
        assertEquals(Json.createValue(2), admin.call("cluster.closeWhere", object("key", "role", "value", Json.createValue("guest"),
                "reason", "Guests out")));
        assertEquals(new CloseStatus(4403, "Guests out"), closeOf(guestA));
        assertEquals(new CloseStatus(4403, "Guests out"), closeOf(guestB));
        assertTrue(bystander.client().isOpen());
    }

    private static void awaitUsersWithout(Member asker, String user) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (asker.call("cluster.users", JsonValue.NULL).asJsonArray().contains(Json.createValue(user))) {
            assertTrue(System.nanoTime() < deadline, user + " still online 10 s after its sockets closed");
            SharedRedis.sleep(50);
        }
    }

    @Test
    void reValidationClosesASocketThatMayNoLongerStay() throws Exception {
        Member doomed = member(Node.B, "x-judas", "doomed");
        Member fine = member(Node.B, "x-john", "user");
        assertEquals(new CloseStatus(4403, "Your rights were withdrawn"), closeOf(doomed));
        assertTrue(fine.client().isOpen());
        awaitUsersWithout(fine, "x-judas");
    }
}
