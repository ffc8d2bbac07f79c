package io.tokensockjs.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The server's calls of the client's functions ({@code {"fid":F,"command":NAME,"args":A}} in an internal
 * {@code rpc} message): each function runs on the client's event queue, never on the thread that reads the socket,
 * and its outcome goes back as {@code {"rpc":"_rpc","fid":F,"resp":{"data":D}}} or {@code {"resp":{"error":E}}}.
 */
final class ServerCalls {

    private final Function<String, ClientFunction> functions;
    private final Executor events;
    private final BiConsumer<SockJsConnection, String> answer;

    /**
     * @param functions finds a function by name, null when there is none
     * @param events where the functions run
     * @param answer sends an answer on the connection the call came on, if that is still the client's
     */
    ServerCalls(Function<String, ClientFunction> functions, Executor events, BiConsumer<SockJsConnection, String> answer) {
        this.functions = functions;
        this.events = events;
        this.answer = answer;
    }

    /** Runs the call {@code from} sent; one without its {@code fid} or {@code command} is ignored. */
    void call(SockJsConnection from, JsonObject call) {
        String fid = call.get("fid") instanceof JsonString id ? id.getString() : null;
        String name = call.get("command") instanceof JsonString command ? command.getString() : null;
        if (fid == null || name == null) {
            return;
        }
        JsonValue args = call.getOrDefault("args", JsonValue.NULL);
        events.execute(() -> {
            ClientFunction function = functions.apply(name);
            CompletionStage<JsonValue> result;
            if (function == null) {
                result = CompletableFuture.failedFuture(new IllegalArgumentException("Function not found"));
            } else {
                try {
                    result = function.call(args);
                } catch (RuntimeException e) {
                    result = CompletableFuture.failedFuture(e);
                }
            }
            if (result == null) {
                result = CompletableFuture.completedFuture(JsonValue.NULL);
            }
            result.whenComplete((value, failure) -> answer.accept(from, answerText(fid, value, failure)));
        });
    }

    private static String answerText(String fid, JsonValue value, Throwable failure) {
        JsonObjectBuilder resp = Jsonp.PROVIDER.createObjectBuilder();
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            resp.add("error", cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
        } else {
            resp.add("data", value == null ? JsonValue.NULL : value);
        }
        return Jsonp.PROVIDER.createObjectBuilder().add("rpc", "_rpc").add("fid", fid).add("resp", resp).build().toString();
    }
}
