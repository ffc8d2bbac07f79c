package it.io.tokensockjs.token;

import io.tokensockjs.client.ServerErrorException;
import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Functions added, removed and offered as routes while the server runs ({@code TokenSocketServer.addFunction},
 * {@code removeFunction}, {@code addRoute}, {@code functions}), seen by a client on the wire.
 */
public class RuntimeFunctionsIT {

    private static JsonValue call(TokenSocketClient client, String function, JsonValue data) {
        return client.rpc(function, data).toCompletableFuture().join();
    }

    private static String refusal(TokenSocketClient client, String function, JsonValue data) {
        CompletionException failure = assertThrows(CompletionException.class, () -> call(client, function, data));
        return assertInstanceOf(ServerErrorException.class, failure.getCause()).getMessage();
    }

    @Test
    void anAddedFunctionAnswersUntilItIsRemoved() throws Exception {
        String name = "added.f" + UUID.randomUUID().toString().replace("-", "");
        try (TokenSocketClient alice = TokenServer.client("alice").connect().toCompletableFuture().join();
             TokenSocketClient bob = TokenServer.client("bob").connect().toCompletableFuture().join()) {
            assertEquals("Function not found", refusal(alice, name, JsonValue.NULL));
            assertEquals(JsonValue.FALSE, call(alice, "runtime.has", Json.createValue(name)));

            assertEquals(JsonValue.TRUE, call(alice, "runtime.add", Json.createValue(name)));
            assertEquals(JsonValue.TRUE, call(bob, "runtime.has", Json.createValue(name)));
            String bobId = call(bob, "math.whoami", JsonValue.NULL).asJsonObject().getString("socket");
            JsonObject answer = call(bob, name, Json.createValue(42)).asJsonObject();
            assertEquals(Json.createObjectBuilder().add("added", name).add("data", 42).add("socket", bobId).build(), answer,
                    "every socket can call it, and it sees the calling socket and the data");

            assertEquals(JsonValue.TRUE, call(alice, "runtime.remove", Json.createValue(name)));
            assertEquals("Function not found", refusal(bob, name, JsonValue.NULL));
            assertEquals(JsonValue.FALSE, call(alice, "runtime.remove", Json.createValue(name)), "removing twice finds nothing");
            assertEquals(JsonValue.FALSE, call(alice, "runtime.has", Json.createValue(name)));
        }
    }

    @Test
    void addingUnderATakenNameReplacesTheFunction() throws Exception {
        String name = "added.g" + UUID.randomUUID().toString().replace("-", "");
        try (TokenSocketClient alice = TokenServer.client("alice").connect().toCompletableFuture().join()) {
            assertEquals(JsonValue.TRUE, call(alice, "runtime.addConstant",
                    Json.createObjectBuilder().add("function", name).add("answer", "first").build()));
            assertEquals(Json.createValue("first"), call(alice, name, JsonValue.NULL));
            assertEquals(JsonValue.TRUE, call(alice, "runtime.addConstant",
                    Json.createObjectBuilder().add("function", name).add("answer", "second").build()));
            assertEquals(Json.createValue("second"), call(alice, name, JsonValue.NULL));
            assertEquals(JsonValue.TRUE, call(alice, "runtime.remove", Json.createValue(name)));
        }
    }

    @Test
    void namesOfTheProtocolCannotBeAdded() throws Exception {
        try (TokenSocketClient alice = TokenServer.client("alice").connect().toCompletableFuture().join()) {
            for (String reserved : new String[] {"auth", "_subscribe", "_mine", ""}) {
                assertEquals("Not a function name clients may call: " + reserved,
                        refusal(alice, "runtime.add", Json.createValue(reserved)));
            }
        }
    }

    @Test
    void anAddedRouteIsCalledLikeAConfiguredOne() throws Exception {
        String name = "routes.r" + UUID.randomUUID().toString().replace("-", "");
        try (TokenSocketClient alice = TokenServer.client("alice").connect().toCompletableFuture().join()) {
            assertEquals(JsonValue.TRUE, call(alice, "runtime.addRoute",
                    Json.createObjectBuilder().add("function", name).add("route", "GET /api/items/{id}").build()));
            JsonObject item = call(alice, name, Json.createObjectBuilder().add("id", "r1").build()).asJsonObject();
            assertEquals("r1", item.getString("id"));
            assertEquals(200, item.getInt("_code"));

            assertEquals("Route function math.add would replace a controller function", refusal(alice, "runtime.addRoute",
                    Json.createObjectBuilder().add("function", "math.add").add("route", "GET /api/items/{id}").build()));
            assertEquals("A route is 'METHOD /path/{param}': nonsense", refusal(alice, "runtime.addRoute",
                    Json.createObjectBuilder().add("function", name + "x").add("route", "nonsense").build()));
        }
    }
}
