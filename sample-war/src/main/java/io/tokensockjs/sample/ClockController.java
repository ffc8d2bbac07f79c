package io.tokensockjs.sample;

import io.tokensockjs.Socket;
import io.tokensockjs.SocketController;
import io.tokensockjs.TokenSocketServer;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code clock.ask}: the server calls {@code clock.now} on every connected browser and answers with what each said
 * (or why it did not), showing server-to-client calls.
 */
@SocketController("clock")
public class ClockController {

    @Inject
    TokenSocketServer server;

    public CompletionStage<List<JsonObject>> ask() {
        List<CompletableFuture<JsonObject>> answers = server.sockets().stream()
                .map(socket -> server.rpc(socket, "clock.now", JsonValue.NULL)
                        .handle((answer, failure) -> entry(socket, answer, failure))
                        .toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> answers.stream().map(CompletableFuture::join).toList());
    }

    private static JsonObject entry(Socket socket, JsonValue answer, Throwable failure) {
        String name = socket.authData(User.class).name();
        return failure == null
                ? Json.createObjectBuilder().add("name", name).add("time", answer).build()
                : Json.createObjectBuilder().add("name", name).add("error", String.valueOf(failure.getMessage())).build();
    }
}
