package io.tokensockjs.it.app.token;

import io.tokensockjs.Socket;
import io.tokensockjs.SocketController;
import io.tokensockjs.SocketException;
import io.tokensockjs.TokenSocketServer;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * {@code callback.ask}: makes the server call a function on the calling client and reports how that call ended,
 * so the tests can drive server-to-client calls over the socket itself.
 */
@SocketController("callback")
public class CallbackController {

    /** Which client function to call, with what. */
    public record Ask(String function, JsonValue args) {
    }

    @Inject
    TokenSocketServer server;

    @Inject
    AuthenticationObserver observer;

    public CompletionStage<JsonValue> ask(Ask ask, Socket socket) {
        return server.rpc(socket, ask.function(), ask.args()).handle(CallbackController::outcome);
    }

    /** Starts a call to the client and answers at once; how the call ended shows in {@code /test-admin/events}. */
    public String start(Ask ask, Socket socket) {
        server.rpc(socket, ask.function(), ask.args()).handle(CallbackController::outcome)
                .thenAccept(outcome -> observer.record("call " + ask.function() + " of " + socket.id() + " ended " + outcome));
        return "started";
    }

    private static JsonValue outcome(JsonValue answer, Throwable failure) {
        if (failure == null) {
            return Json.createObjectBuilder().add("answer", answer).build();
        }
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return Json.createObjectBuilder().add("timeout", true).build();
        }
        if (cause instanceof SocketException socketException) {
            return Json.createObjectBuilder().add("error", socketException.getMessage()).build();
        }
        return Json.createObjectBuilder().add("failure", String.valueOf(cause)).build();
    }
}
