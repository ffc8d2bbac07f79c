package io.tokensockjs.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reconnection: a fresh token each time, channels asked for again, waiting requests sent, and when it gives up. */
class ReconnectTest extends ClientTestSupport {

    private TokenSocketClient.Builder reconnecting() {
        return builder().reconnect(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private static void subscribe(Connected connected, String channel) throws Exception {
        CompletionStage<JsonValue> subscribing = connected.client().subscribe(channel);
        JsonObject request = connected.socket().next("_subscribe");
        connected.socket().internal("subscribe", Json.createObjectBuilder().add("channel", channel).build());
        connected.socket().answer(request, request.get("req"));
        await(subscribing);
    }

    @Test
    void aDroppedConnectionComesBackWithAFreshTokenItsChannelsAndTheRequestsMadeMeanwhile() throws Exception {
        Connected connected = connect(reconnecting());
        TokenSocketClient client = connected.client();
        subscribe(connected, "news");
        assertEquals("subscribed news", events.next());

        CompletionStage<JsonValue> inFlight = client.rpc("slow", JsonValue.NULL);
        connected.socket().next("slow");
        connected.socket().close(1001, "Server shutting down");
        assertEquals(new CloseStatus(1001, "Server shutting down"),
                assertInstanceOf(ConnectionClosedException.class, failure(inFlight)).status(), "in flight: maybe done, so not replayed");
        assertEquals("disconnected 1001 Server shutting down", events.next());

        CompletionStage<JsonValue> meanwhile = client.rpc("math.add", JsonValue.NULL);
        FakeSocket again = server.awaitSocket();
        assertEquals("t2", again.acceptAuth(), "a fresh token from the token route");
        assertEquals(2, server.tokensIssued());
        JsonObject resubscribe = again.next("_subscribe");
        assertEquals("news", resubscribe.getJsonObject("req").getString("channel"), "channels first");
        JsonObject waited = again.next("math.add");
        again.answer(waited, Json.createValue(3));
        assertEquals(Json.createValue(3), await(meanwhile));
        assertEquals("reconnected", events.next());
        again.internal("subscribe", Json.createObjectBuilder().add("channel", "news").build());
        again.answer(resubscribe, resubscribe.get("req"));
        assertEquals(Set.of("news"), client.channels());
        assertTrue(client.isOpen());
        assertFalse(client.closed().toCompletableFuture().isDone());
    }

    @Test
    void aChannelTheServerNoLongerGrantsLeavesTheSetAndIsReported() throws Exception {
        Connected connected = connect(reconnecting());
        subscribe(connected, "admin");
        assertEquals("subscribed admin", events.next());
        connected.socket().drop();
        assertEquals("disconnected 1006", events.next().substring(0, "disconnected 1006".length()));

        FakeSocket again = server.awaitAuthenticated();
        again.error(again.next("_subscribe"), "The admin room is for admins");
        assertEquals("reconnected", events.next());
        assertEquals("unsubscribed admin", events.next());
        assertEquals("The admin room is for admins", assertInstanceOf(ServerErrorException.class, events.nextError()).getMessage());
        assertEquals(Set.of(), connected.client().channels());
    }

    @Test
    void failedAttemptsAreReportedAndRetried() throws Exception {
        Connected connected = connect(reconnecting());
        server.tokenAnswers(new FakeServer.TokenAnswer(503, "{\"error\":\"Server shutting down\"}"));
        connected.socket().close(1001, "Server shutting down");
        assertEquals("disconnected 1001 Server shutting down", events.next());
        TokenRequestException unavailable = assertInstanceOf(TokenRequestException.class, events.nextError());
        assertEquals(503, unavailable.status());
        server.awaitAuthenticated();
        assertTrue(events.next().startsWith("error TokenRequestException"));
        assertEquals("reconnected", events.next());
        assertTrue(connected.client().isOpen());
    }

    @Test
    void aRefusedTokenEndsTheAttemptsAndClosesTheClient() throws Exception {
        Connected connected = connect(reconnecting());
        server.tokenAnswers(new FakeServer.TokenAnswer(403, "{\"error\":\"Forbidden\"}"));
        connected.socket().close(1001, "Server shutting down");
        assertEquals("disconnected 1001 Server shutting down", events.next());
        CompletionStage<JsonValue> meanwhile = connected.client().rpc("later", JsonValue.NULL);
        assertEquals(new CloseStatus(1001, "Server shutting down"), await(connected.client().closed()));
        assertEquals(403, assertInstanceOf(TokenRequestException.class, events.nextError()).status());
        ConnectionClosedException failed = assertInstanceOf(ConnectionClosedException.class, failure(meanwhile));
        assertInstanceOf(TokenRequestException.class, failed.getCause(), "the waiting request says why");
        assertTrue(server.noSocketWaiting());
    }

    @Test
    void aRefusedAuthenticationEndsTheAttemptsToo() throws Exception {
        Connected connected = connect(reconnecting());
        connected.socket().drop();
        FakeSocket again = server.awaitSocket();
        again.error(again.next("auth"), "Banned");
        assertEquals(CloseStatus.ABNORMAL, await(connected.client().closed()).code());
        assertEquals("Banned", assertInstanceOf(AuthenticationRefusedException.class, events.nextError()).getMessage());
    }

    @Test
    void noReconnectionAfterTheClientClosedItOrWhenItIsOff() throws Exception {
        Connected reconnecting = connect(reconnecting());
        reconnecting.client().close();
        assertEquals(1000, reconnecting.socket().awaitClientClose());

        Connected plain = connect();
        plain.socket().drop();
        assertEquals(CloseStatus.ABNORMAL, await(plain.client().closed()).code());
        assertEquals(1, server.tokensIssued() - 1, "one token each, none for a reconnection");
        assertTrue(server.noSocketWaiting());
    }

    @Test
    void anAnswerToAServerCallOfAConnectionThatDroppedIsNotSentOnTheNextOne() throws Exception {
        java.util.concurrent.CompletableFuture<JsonValue> later = new java.util.concurrent.CompletableFuture<>();
        Connected connected = connect(reconnecting().function("ask", args -> later));
        connected.socket().internal("rpc", Json.createObjectBuilder().add("fid", "f1").add("command", "ask").build());
        connected.socket().drop();
        FakeSocket again = server.awaitAuthenticated();
        assertEquals("reconnected", events.next().equals("reconnected") ? "reconnected" : events.next());
        later.complete(Json.createValue("stale"));
        CompletionStage<JsonValue> marker = connected.client().rpc("marker", JsonValue.NULL);
        assertEquals("marker", again.next().getString("rpc"), "the stale answer never left");
        again.answer(Json.createObjectBuilder().add("rpc", "marker").add("uuid", "x").build(), JsonValue.NULL);
        marker.toCompletableFuture().cancel(false);
    }
}
