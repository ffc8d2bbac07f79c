package it.io.tokensockjs.token;

import io.tokensockjs.client.ServerErrorException;
import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publish/subscribe on one server (the in-memory broker): requests, vetoes, filters, server operations. */
public class PubSubIT {

    /** A connected client and what it received on its channels, as {@code channel message-json}. */
    private record Member(TokenSocketClient client, BlockingQueue<String> inbox) {

        String next() throws InterruptedException {
            String message = inbox.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no channel message within 10 s");
            }
            return message;
        }

        JsonValue call(String function, JsonValue req) {
            return client.rpc(function, req).toCompletableFuture().join();
        }

        /** Subscribes and returns the server's answer. */
        JsonValue subscribe(String channel) {
            return client.subscribe(channel).toCompletableFuture().join();
        }

        /** Proves nothing else is queued for this member: a message it publishes to itself comes next. */
        void assertNothingBefore(String fence) throws InterruptedException {
            subscribe(fence);
            client.publish(fence, Json.createValue("fence")).toCompletableFuture().join();
            assertEquals(fence + " \"fence\"", next());
        }
    }

    private final List<TokenSocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TokenSocketClient::close);
    }

    private Member member(String user, String role) throws Exception {
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        TokenSocketClient client = TokenServer.client(user, role)
                .onMessage((channel, message) -> inbox.add(channel + " " + message))
                .connect().toCompletableFuture().join();
        clients.add(client);
        return new Member(client, inbox);
    }

    private static String refusal(Runnable request) {
        CompletionException failure = assertThrows(CompletionException.class, request::run);
        return assertInstanceOf(ServerErrorException.class, failure.getCause()).getMessage();
    }

    private static JsonObject text(String text) {
        return Json.createObjectBuilder().add("text", text).build();
    }

    @Test
    void subscribersReceiveWhatIsPublishedAndUnsubscribedOnesDoNot() throws Exception {
        Member alice = member("alice", "user");
        Member bob = member("bob", "user");
        alice.subscribe("room1");
        assertEquals(Json.createObjectBuilder().add("channel", "room1").build(), bob.subscribe("room1"),
                "the server acknowledged the subscribe");
        assertEquals(Json.createArrayBuilder().add("room1").build(), bob.call("server.myChannels", JsonValue.NULL),
                "the server has bob on the channel");
        alice.client().publish("room1", text("hi")).toCompletableFuture().join();
        assertEquals("room1 {\"text\":\"hi\"}", alice.next());
        assertEquals("room1 {\"text\":\"hi\"}", bob.next());

        bob.client().unsubscribe("room1").toCompletableFuture().join();
        alice.client().publish("room1", text("only alice")).toCompletableFuture().join();
        assertEquals("room1 {\"text\":\"only alice\"}", alice.next());
        bob.assertNothingBefore("bob-fence");
    }

    /**
     * What the server writes for channel requests, byte for byte, read off a bare socket: an accepted (un)subscribe
     * gets the original's internal message and then the answer; a refused one gets only the error, so no client
     * could believe itself subscribed.
     */
    @Test
    void channelRequestsAreAcknowledgedOnTheWire() throws Exception {
        try (RawSocket bob = RawSocket.authenticated("bob", "user")) {
            bob.send("{\"rpc\":\"_subscribe\",\"uuid\":\"s1\",\"req\":{\"channel\":\"wire-room\"}}");
            assertEquals("{\"internal\":true,\"command\":\"subscribe\",\"data\":{\"channel\":\"wire-room\",\"rpc\":\"_subscribe\",\"uuid\":\"s1\"}}",
                    bob.next());
            assertEquals("{\"rpc\":\"_subscribe\",\"uuid\":\"s1\",\"resp\":{\"channel\":\"wire-room\"}}", bob.next());

            bob.send("{\"rpc\":\"_subscribe\",\"uuid\":2,\"req\":{\"channel\":\"admin\"}}");
            assertEquals("{\"rpc\":\"_subscribe\",\"uuid\":2,\"error\":\"Admins only\"}", bob.next());

            bob.send("{\"rpc\":\"_unsubscribe\",\"uuid\":\"u1\",\"req\":{\"channel\":\"wire-room\"}}");
            assertEquals("{\"internal\":true,\"command\":\"unsubscribe\",\"data\":{\"channel\":\"wire-room\",\"rpc\":\"_unsubscribe\",\"uuid\":\"u1\"}}",
                    bob.next());
            assertEquals("{\"rpc\":\"_unsubscribe\",\"uuid\":\"u1\",\"resp\":{\"channel\":\"wire-room\"}}", bob.next());

            bob.send("{\"rpc\":\"server.myChannels\",\"uuid\":\"c1\"}");
            assertEquals("{\"rpc\":\"server.myChannels\",\"uuid\":\"c1\",\"resp\":[]}", bob.next(),
                    "neither the refused nor the left channel remains");
        }
    }

    @Test
    void reservedChannelsAreRefused() throws Exception {
        Member mallory = member("mallory", "user");
        assertEquals("Forbidden", refusal(() -> mallory.subscribe("token-sockjs:broadcast")));
        assertEquals("Forbidden", refusal(() -> mallory.client().publish("token-sockjs:broadcast", text("x")).toCompletableFuture().join()));
        assertEquals("Forbidden", refusal(() -> mallory.client().publish("token-sockjs:unsubscribe-all", Json.createValue("room1")).toCompletableFuture().join()));
        assertEquals("Invalid request data", refusal(() -> mallory.subscribe("")));
    }

    @Test
    void everyVetoPathAnswersItsReason() throws Exception {
        Member user = member("carol", "user");
        Member admin = member("root", "admin");
        assertEquals("Admins only", refusal(() -> user.subscribe("admin")));
        admin.subscribe("admin");
        assertEquals("Forbidden", refusal(() -> user.client().publish("readonly", text("x")).toCompletableFuture().join()));
        user.subscribe("sticky");
        assertEquals("You cannot leave", refusal(() -> user.client().unsubscribe("sticky").toCompletableFuture().join()));
        user.subscribe("later-yes");
        assertEquals("Decided against it", refusal(() -> user.subscribe("later-no")));
        assertEquals("Second observer", refusal(() -> user.subscribe("second-says-no")));
        assertEquals("Only admins broadcast", refusal(() -> user.client().broadcast(text("x")).toCompletableFuture().join()));
        assertEquals(List.of("later-yes", "sticky"), user.call("server.channels", JsonValue.NULL).asJsonArray()
                .getValuesAs(jakarta.json.JsonString::getString).stream().filter(c -> !c.equals("admin")).sorted().toList());
    }

    @Test
    void broadcastReachesEveryChannelOnce() throws Exception {
        Member admin = member("root", "admin");
        Member user = member("dave", "user");
        user.subscribe("b1");
        user.subscribe("b2");
        admin.client().broadcast(text("all")).toCompletableFuture().join();
        List<String> received = List.of(user.next(), user.next()).stream().sorted().toList();
        assertEquals(List.of("b1 {\"text\":\"all\"}", "b2 {\"text\":\"all\"}"), received);
    }

    @Test
    void filterRewritesAndDropsPerSocket() throws Exception {
        Member admin = member("root", "admin");
        Member user = member("erin", "user");
        admin.subscribe("news");
        user.subscribe("news");
        admin.client().publish("news", Json.createObjectBuilder().add("title", "t").add("secret", "s").build()).toCompletableFuture().join();
        assertEquals("news {\"title\":\"t\",\"secret\":\"s\"}", admin.next());
        assertEquals("news {\"title\":\"t\"}", user.next());
        admin.client().publish("news", Json.createObjectBuilder().add("drop", true).build()).toCompletableFuture().join();
        admin.assertNothingBefore("admin-fence");
        user.assertNothingBefore("user-fence");
    }

    @Test
    void serverOperations() throws Exception {
        Member frank = member("frank", "user");
        Member grace = member("grace", "user");
        assertEquals(JsonValue.TRUE, frank.call("server.subscribeMe", Json.createValue("ops")));
        assertEquals(JsonValue.TRUE, grace.call("server.subscribeMe", Json.createValue("ops")));
        assertTrue(frank.client().channels().contains("ops"));
        assertEquals(Json.createValue(2), frank.call("server.channelSockets", Json.createValue("ops")));
        frank.call("server.publish", Json.createObjectBuilder().add("channel", "ops").add("data", text("from server")).build());
        assertEquals("ops {\"text\":\"from server\"}", frank.next());
        assertEquals("ops {\"text\":\"from server\"}", grace.next());

        frank.call("server.unsubscribeAll", Json.createValue("ops"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((frank.client().channels().contains("ops") || grace.client().channels().contains("ops")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(!frank.client().channels().contains("ops") && !grace.client().channels().contains("ops"),
                "both clients were told they left");
        assertEquals(Json.createValue(0), frank.call("server.channelSockets", Json.createValue("ops")));
        frank.call("server.publish", Json.createObjectBuilder().add("channel", "ops").add("data", text("late")).build());
        frank.assertNothingBefore("frank-fence");
    }

    @Test
    void aServerBroadcastReachesEveryChannelOfEverySocketOnce() throws Exception {
        Member judy = member("judy", "user");
        Member ken = member("ken", "user");
        judy.subscribe("sb1");
        judy.subscribe("sb2");
        ken.subscribe("sb2");
        assertEquals(JsonValue.TRUE, ken.call("server.broadcast", text("from the server")));
        assertEquals(List.of("sb1 {\"text\":\"from the server\"}", "sb2 {\"text\":\"from the server\"}"),
                List.of(judy.next(), judy.next()).stream().sorted().toList());
        assertEquals("sb2 {\"text\":\"from the server\"}", ken.next());
        judy.assertNothingBefore("judy-fence");
        ken.assertNothingBefore("ken-fence");
    }

    /** {@code TokenSocketServer.unsubscribe(socket, channel)}, read off the wire. */
    @Test
    void aServerUnsubscribeTellsTheClientAndEndsDelivery() throws Exception {
        try (RawSocket leo = RawSocket.authenticated("leo", "user")) {
            leo.send("{\"rpc\":\"_subscribe\",\"uuid\":\"s1\",\"req\":{\"channel\":\"su1\"}}");
            leo.next();
            assertEquals("{\"rpc\":\"_subscribe\",\"uuid\":\"s1\",\"resp\":{\"channel\":\"su1\"}}", leo.next());

            leo.send("{\"rpc\":\"server.unsubscribeMe\",\"uuid\":\"x1\",\"req\":\"su1\"}");
            assertEquals("{\"internal\":true,\"command\":\"unsubscribe\",\"data\":{\"channel\":\"su1\"}}", leo.next(),
                    "the server's own unsubscribe carries no rpc or uuid");
            assertEquals("{\"rpc\":\"server.unsubscribeMe\",\"uuid\":\"x1\",\"resp\":true}", leo.next());

            leo.send("{\"rpc\":\"server.unsubscribeMe\",\"uuid\":\"x2\",\"req\":\"su1\"}");
            assertEquals("{\"rpc\":\"server.unsubscribeMe\",\"uuid\":\"x2\",\"resp\":true}", leo.next(),
                    "leaving a channel the socket is not on tells the client nothing");

            // Published while leo was off the channel: the answer to the publish is the next thing leo reads.
            leo.send("{\"rpc\":\"server.publish\",\"uuid\":\"p1\",\"req\":{\"channel\":\"su1\",\"data\":\"late\"}}");
            assertEquals("{\"rpc\":\"server.publish\",\"uuid\":\"p1\",\"resp\":true}", leo.next());
            leo.send("{\"rpc\":\"server.channelSockets\",\"uuid\":\"n1\",\"req\":\"su1\"}");
            assertEquals("{\"rpc\":\"server.channelSockets\",\"uuid\":\"n1\",\"resp\":0}", leo.next());
        }
    }

    @Test
    void closedSocketsLeaveTheirChannels() throws Exception {
        Member heidi = member("heidi", "user");
        Member ivan = member("ivan", "user");
        heidi.subscribe("leaving");
        ivan.subscribe("leaving");
        String ivanId = ivan.call("math.whoami", JsonValue.NULL).asJsonObject().getString("socket");
        ivan.client().close();
        ivan.client().closed().toCompletableFuture().get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonValue count = heidi.call("server.channelSockets", Json.createValue("leaving"));
        while (!count.equals(Json.createValue(1)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            count = heidi.call("server.channelSockets", Json.createValue("leaving"));
        }
        assertEquals(Json.createValue(1), count);
        // The server no longer knows the closed socket at all (the admin route answers 404 for an unknown id).
        assertEquals(404, TokenServer.get(TokenServer.httpClient(), "/test-admin/close?socket=" + ivanId, Map.of()).statusCode());
    }
}
