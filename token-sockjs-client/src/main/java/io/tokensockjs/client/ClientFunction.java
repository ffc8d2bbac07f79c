package io.tokensockjs.client;

import jakarta.json.JsonValue;

import java.util.concurrent.CompletionStage;

/** A function the server may call on this client. */
@FunctionalInterface
public interface ClientFunction {

    /**
     * @param args what the server passed
     * @return the answer; a failed stage sends its message as the error
     */
    CompletionStage<JsonValue> call(JsonValue args);
}
