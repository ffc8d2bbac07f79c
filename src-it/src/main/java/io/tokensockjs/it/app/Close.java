package io.tokensockjs.it.app;

import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsEndpoint;
import io.tokensockjs.sockjs.SockJsHandler;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code /close}: closes every session with {@code 3000 "Go away!"} as soon as it opens. */
@ApplicationScoped
@SockJsEndpoint("close")
public class Close implements SockJsHandler {

    @Override
    public void onOpen(SockJsConnection connection) {
        connection.close();
    }

    @Override
    public void onMessage(SockJsConnection connection, String message) {
    }
}
