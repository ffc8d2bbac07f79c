package io.tokensockjs.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code _ping} keep-alive: sent at its interval, any answer keeps the connection, silence drops it. */
class PingTest extends ClientTestSupport {

    @Test
    void pingsGoOutAtTheIntervalAndAnyAnswerKeepsTheConnection() throws Exception {
        Connected connected = connect(builder().ping(Duration.ofMillis(100)));
        JsonObject first = connected.socket().next("_ping");
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, first.get("req"));
        connected.socket().answer(first, Json.createObjectBuilder().add("message", "pong").build());
        JsonObject second = connected.socket().next("_ping");
        connected.socket().error(second, "Function not found");
        connected.socket().next("_ping");
        assertTrue(connected.client().isOpen(), "an error answer (ping off on the server) still proves the connection alive");
    }

    @Test
    void anUnansweredPingDropsTheConnectionAndReconnectionFollows() throws Exception {
        Connected connected = connect(builder().ping(Duration.ofMillis(200)).reconnect(Duration.ofMillis(10), Duration.ofMillis(100)));
        connected.socket().next("_ping");
        String disconnected = events.next();
        assertTrue(disconnected.startsWith("disconnected 1006 No answer to _ping within"), disconnected);
        FakeSocket again = server.awaitAuthenticated();
        assertEquals("reconnected", events.next());
        again.next("_ping");
    }

    @Test
    void aServerThatVanishesWithoutAnyCloseIsFoundDeadByThePing() throws Exception {
        Connected connected = connect(builder().ping(Duration.ofMillis(200)));
        connected.socket().answer(connected.socket().next("_ping"), JsonValue.NULL);
        connected.socket().vanish();
        CloseStatus status = await(connected.client().closed());
        assertEquals(CloseStatus.ABNORMAL, status.code(), status.toString());
    }

    @Test
    void noPingsUnlessAsked() throws Exception {
        Connected connected = connect();
        var call = connected.client().rpc("marker", JsonValue.NULL);
        assertEquals("marker", connected.socket().next().getString("rpc"), "the first message after auth is ours, not a ping");
        call.toCompletableFuture().cancel(false);
    }
}
