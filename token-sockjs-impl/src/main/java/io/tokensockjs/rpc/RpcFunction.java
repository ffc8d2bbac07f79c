package io.tokensockjs.rpc;

import io.tokensockjs.Socket;

import jakarta.json.JsonValue;

/** A function clients can call: a controller method or a function added at run time. */
@FunctionalInterface
public interface RpcFunction {

    /**
     * @return the answer (written with JSON-B), or a {@code CompletionStage} of it
     * @throws InvalidRequestException when the data does not bind to the function's parameter
     */
    Object call(Socket socket, JsonValue data) throws Exception;
}
