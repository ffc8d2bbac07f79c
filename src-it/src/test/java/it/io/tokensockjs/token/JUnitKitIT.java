package it.io.tokensockjs.token;

import io.tokensockjs.client.AuthenticationRefusedException;
import io.tokensockjs.client.CloseStatus;
import io.tokensockjs.client.ServerErrorException;
import io.tokensockjs.client.TokenRequestException;
import io.tokensockjs.junit.Credentials;
import io.tokensockjs.junit.ServerCall;
import io.tokensockjs.junit.TestSocket;
import io.tokensockjs.junit.TestSockets;
import io.tokensockjs.junit.TokenSocketExtension;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The testing kit against the real server: each of its waits and credentials, and the closing after each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class JUnitKitIT {

    @RegisterExtension
    static TokenSocketExtension kit = new TokenSocketExtension().applicationUrl(TokenServer.base()).timeout(Duration.ofSeconds(20));

    private static TestSocket fromTheFirstTest;

    private static Credentials user(String name) {
        return Credentials.loginAt("/test/login?user=" + name);
    }

    private static JsonObject channel(String name) {
        return Json.createObjectBuilder().add("channel", name).add("data", "hello " + name).build();
    }

    @Test
    @Order(1)
    void aSocketInOneLine(TestSockets sockets) {
        fromTheFirstTest = sockets.connect(user("kit"));
        assertEquals(Json.createValue(3), fromTheFirstTest.call("math.add", Json.createObjectBuilder().add("a", 1).add("b", 2).build()));
    }

    @Test
    @Order(2)
    void theSocketsOfATestAreClosedWhenItEnds() {
        assertEquals(CloseStatus.CLOSED_BY_CLIENT, fromTheFirstTest.awaitClosed());
        assertFalse(fromTheFirstTest.isOpen());
    }

    @Test
    void refusalsAreThrownAsTheClientsOwnExceptions(TestSockets sockets) {
        assertEquals(403, assertThrows(TokenRequestException.class, () -> sockets.connect()).status());
        assertEquals("Banned", assertThrows(AuthenticationRefusedException.class, () -> sockets.connect(user("banned"))).getMessage());
        TestSocket anonymous = sockets.connect(Credentials.query("anonymous", "1"));
        assertEquals("Function not found", assertThrows(ServerErrorException.class, () -> anonymous.call("no.such", null)).getMessage());
    }

    @Test
    void subscriptionsMadeByTheServerAndItsMessagesAreAwaited(TestSockets sockets) {
        TestSocket socket = sockets.connect(user("kit-sub"));
        socket.call("server.subscribeMe", "kit-news");
        socket.awaitSubscribed("kit-news");
        socket.call("server.publish", channel("kit-news"));
        assertEquals(Json.createValue("hello kit-news"), socket.awaitMessage("kit-news"));
        socket.call("server.unsubscribeMe", "kit-news");
        socket.awaitUnsubscribed("kit-news");
    }

    @Test
    void serverCallsWaitForTheTestsAnswerOrFailure(TestSockets sockets) {
        TestSocket socket = sockets.connect(user("kit-calls"));
        CompletionStage<JsonValue> asked = socket.client().rpc("callback.ask",
                Json.createObjectBuilder().add("function", "kit.question").add("args", 42).build());
        ServerCall call = socket.awaitCall("kit.question");
        assertEquals(42, call.args(Integer.class));
        call.answer("the answer");
        assertEquals(Json.createObjectBuilder().add("answer", "the answer").build(), asked.toCompletableFuture().join());

        CompletionStage<JsonValue> refused = socket.client().rpc("callback.ask",
                Json.createObjectBuilder().add("function", "kit.question").add("args", 0).build());
        socket.awaitCall("kit.question").fail("No answer today");
        assertEquals(Json.createObjectBuilder().add("error", "No answer today").build(), refused.toCompletableFuture().join());
    }

    @Test
    void unsolicitedErrorsAndTheServersCloseAreAwaited(TestSockets sockets) {
        TestSocket socket = sockets.connect(user("kit-close"));
        socket.client().sendRaw("{not json");
        assertEquals("Invalid message", socket.awaitError().getMessage());
        socket.call("server.closeMe", null);
        CloseStatus closed = socket.awaitClosed();
        assertFalse(socket.isOpen(), "closed: " + closed);
    }
}
