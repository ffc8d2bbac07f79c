package it.io.tokensockjs.token;

import io.tokensockjs.client.ServerErrorException;
import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Existing JAX-RS routes called as functions over the socket. */
public class RouteFunctionIT {

    @Test
    void getRouteAnswersTheEntityWithCodeAndHeaders() throws Exception {
        try (TokenSocketClient client = TokenServer.client("alice").connect().toCompletableFuture().join()) {
            JsonObject item = client.rpc("items.get", Json.createObjectBuilder().add("id", "a b").add("detail", "full").build())
                    .toCompletableFuture().join().asJsonObject();
            assertEquals("a b", item.getString("id"));
            assertEquals("full", item.getString("detail"), "fields not in the path go as the query string");
            assertEquals(200, item.getInt("_code"));
            assertEquals("a b", item.getJsonObject("_headers").getString("x-item"));
        }
    }

    @Test
    void postRouteSendsTheDataAsJson() throws Exception {
        try (TokenSocketClient client = TokenServer.client("alice").connect().toCompletableFuture().join()) {
            JsonObject created = client.rpc("items.create", Json.createObjectBuilder().add("name", "thing").build())
                    .toCompletableFuture().join().asJsonObject();
            assertEquals("thing", created.getString("name"));
            assertEquals("new-1", created.getString("id"));
            assertEquals(201, created.getInt("_code"));
        }
    }

    @Test
    void statusOf300OrMoreIsTheError() throws Exception {
        try (TokenSocketClient client = TokenServer.client("alice").connect().toCompletableFuture().join()) {
            CompletionException failure = assertThrows(CompletionException.class, () -> client.rpc("items.get",
                    Json.createObjectBuilder().add("id", "missing").build()).toCompletableFuture().join());
            JsonObject error = assertInstanceOf(ServerErrorException.class, failure.getCause()).error().asJsonObject();
            assertEquals(404, error.getInt("_code"));
            assertEquals("No such item", error.getString("error"));
        }
    }

    @Test
    void theResourceCanTellWhichSocketCalled() throws Exception {
        try (TokenSocketClient client = TokenServer.client("alice").connect().toCompletableFuture().join()) {
            String me = client.rpc("math.whoami", jakarta.json.JsonValue.NULL).toCompletableFuture().join().asJsonObject().getString("socket");
            JsonObject caller = client.rpc("items.caller", jakarta.json.JsonValue.EMPTY_JSON_OBJECT).toCompletableFuture().join().asJsonObject();
            assertEquals(me, caller.getString("socket"));
            assertEquals("none", Json.createReader(new java.io.StringReader(TokenServer.get(TokenServer.httpClient(),
                    "/api/items/caller", java.util.Map.of("X-Token-SockJS-Socket", me, "X-Token-SockJS-Secret", "guess")).body()))
                    .readObject().getString("socket"), "a forged header is not believed");
        }
    }
}
