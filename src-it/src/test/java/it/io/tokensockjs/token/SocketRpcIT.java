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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authenticated sockets calling controller functions, and the server calling the client. */
public class SocketRpcIT {

    private final List<TokenSocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TokenSocketClient::close);
    }

    private TokenSocketClient connect(TokenSocketClient.Builder builder) {
        TokenSocketClient client = builder.connect().toCompletableFuture().join();
        clients.add(client);
        return client;
    }

    private static JsonValue call(TokenSocketClient client, String function, JsonValue req) {
        return client.rpc(function, req).toCompletableFuture().join();
    }

    private static String error(TokenSocketClient client, String function, JsonValue req) {
        CompletionException failure = assertThrows(CompletionException.class, () -> call(client, function, req));
        return assertInstanceOf(ServerErrorException.class, failure.getCause()).getMessage();
    }

    private static JsonObject operands(int a, int b) {
        return Json.createObjectBuilder().add("a", a).add("b", b).build();
    }

    @Test
    void typedBindingAndValues() throws Exception {
        TokenSocketClient client = connect(TokenServer.client("alice"));
        assertEquals(Json.createValue(5), call(client, "math.add", operands(2, 3)));
        assertEquals(Json.createValue(6), call(client, "math.sum", Json.createArrayBuilder().add(1).add(2).add(3).build()));
        JsonObject nested = Json.createObjectBuilder().add("deep", Json.createArrayBuilder().add("ü\u2028\ud83d\ude00")).build();
        assertEquals(nested, call(client, "math.echo", nested));
    }

    @Test
    void completionStageResults() throws Exception {
        TokenSocketClient client = connect(TokenServer.client("alice"));
        assertEquals(Json.createValue(7), call(client, "math.slowAdd", operands(3, 4)));
    }

    @Test
    void nestedNamespaces() throws Exception {
        assertEquals(Json.createValue(3), call(connect(TokenServer.client("alice")), "admin.users.count", JsonValue.NULL));
    }

    @Test
    void socketAndAuthenticationDataParameters() throws Exception {
        JsonObject me = call(connect(TokenServer.client("carol")), "math.whoami", JsonValue.NULL).asJsonObject();
        assertEquals("carol", me.getString("user"));
        assertEquals("user", me.getString("role"));
        assertEquals("127.0.0.1", me.getString("ip"));
        assertTrue(!me.getString("socket").isEmpty());
    }

    @Test
    void errorsReachTheClientAsTheProtocolSays() throws Exception {
        TokenSocketClient client = connect(TokenServer.client("alice"));
        assertEquals("nope", error(client, "math.fail", Json.createValue("nope")));
        assertEquals("later", error(client, "math.failLater", Json.createValue("later")));
        assertEquals("Internal error", error(client, "math.boom", JsonValue.NULL));
        assertEquals("Function not found", error(client, "math.nothing", JsonValue.NULL));
        assertEquals("Function not found", error(client, "math.hidden", JsonValue.NULL));
        assertEquals("Invalid request data", error(client, "math.add", Json.createValue("two and three")));
        assertEquals("Invalid request data", error(client, "math.add", Json.createObjectBuilder().add("a", "x").add("b", 1).build()));
        assertEquals("Already authenticated", error(client, "auth", JsonValue.NULL));
        assertEquals(Json.createValue(5), call(client, "math.add", operands(2, 3)), "the socket still works");
    }

    @Test
    void pingAnswersPong() throws Exception {
        JsonValue pong = call(connect(TokenServer.client("alice")), "_ping", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(Json.createObjectBuilder().add("message", "pong").build(), pong);
    }

    @Test
    void serverCallsTheClientAndGetsItsAnswer() throws Exception {
        TokenSocketClient client = connect(TokenServer.client("alice")
                .function("clock.now", args -> CompletableFuture.completedFuture(Json.createValue("12:00 " + args.toString())))
                .function("broken", args -> CompletableFuture.failedFuture(new IllegalStateException("client says no")))
                .function("silent", args -> new CompletableFuture<>()));
        JsonObject answered = call(client, "callback.ask", ask("clock.now", Json.createValue("UTC"))).asJsonObject();
        assertEquals(Json.createValue("12:00 \"UTC\""), answered.get("answer"));
        JsonObject failed = call(client, "callback.ask", ask("broken", JsonValue.NULL)).asJsonObject();
        assertEquals("client says no", failed.getString("error"));
        JsonObject timedOut = call(client, "callback.ask", ask("silent", JsonValue.NULL)).asJsonObject();
        assertEquals(JsonValue.TRUE, timedOut.get("timeout"));
    }

    @Test
    void callsPendingWhenTheSocketClosesFailAtOnce() throws Exception {
        TokenSocketClient client = connect(TokenServer.client("alice").function("silent", args -> new CompletableFuture<>()));
        String socketId = call(client, "math.whoami", JsonValue.NULL).asJsonObject().getString("socket");
        assertEquals(Json.createValue("started"), call(client, "callback.start", ask("silent", JsonValue.NULL)));
        client.close();
        client.closed().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String expected = "call silent of " + socketId + " ended {\"error\":\"Socket closed\"}";
        awaitEvent(expected);
        awaitEvent("closed " + socketId);
    }

    private static JsonObject ask(String function, JsonValue args) {
        return Json.createObjectBuilder().add("function", function).add("args", args).build();
    }

    static void awaitEvent(String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String events = "";
        while (System.nanoTime() < deadline) {
            events = TokenServer.events();
            if (events.contains(expected)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + expected + "' in events:\n" + events);
    }

    static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
