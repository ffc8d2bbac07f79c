package io.tokensockjs.it.app;

import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsHandler;

/** Echoes every message back: the behaviour of the conformance suite's echo services. */
public abstract class EchoHandler implements SockJsHandler {

    @Override
    public void onMessage(SockJsConnection connection, String message) {
        connection.write(message);
    }
}
