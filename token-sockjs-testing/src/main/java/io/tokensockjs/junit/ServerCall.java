package io.tokensockjs.junit;

import jakarta.json.JsonValue;

import java.util.concurrent.CompletableFuture;

/**
 * A call the server made to a test socket's client function, waiting for the test's answer (the server's call
 * fails at its own timeout, {@code token-sockjs.rpc.timeout}, if the test never answers).
 */
public final class ServerCall {

    private final String function;
    private final JsonValue args;
    private final CompletableFuture<JsonValue> answer = new CompletableFuture<>();

    ServerCall(String function, JsonValue args) {
        this.function = function;
        this.args = args;
    }

    /** The function's name, as the server called it. */
    public String function() {
        return function;
    }

    /** What the server passed. */
    public JsonValue args() {
        return args;
    }

    /** What the server passed, bound to a type with JSON-B. */
    public <T> T args(Class<T> type) {
        return JsonMapping.fromJson(args, type);
    }

    /** Answers the call: a JSON value, or anything JSON-B writes. */
    public void answer(Object value) {
        answer.complete(JsonMapping.toJson(value));
    }

    /** Answers the call with an error; the server's stage fails with this message. */
    public void fail(String message) {
        answer.completeExceptionally(new IllegalStateException(message));
    }

    CompletableFuture<JsonValue> answer() {
        return answer;
    }

    @Override
    public String toString() {
        return function + "(" + args + ")";
    }
}
