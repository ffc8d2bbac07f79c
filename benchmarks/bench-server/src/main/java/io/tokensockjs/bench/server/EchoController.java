package io.tokensockjs.bench.server;

import io.tokensockjs.SocketController;

import jakarta.json.JsonValue;

/** {@code echo}: answers with what it was given, the function the rpc scenario calls on both servers. */
@SocketController
public class EchoController {

    public JsonValue echo(JsonValue data) {
        return data;
    }
}
