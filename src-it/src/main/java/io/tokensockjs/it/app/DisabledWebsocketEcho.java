package io.tokensockjs.it.app;

import io.tokensockjs.sockjs.SockJsEndpoint;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code /disabled_websocket_echo}: echo without the websocket transports. */
@ApplicationScoped
@SockJsEndpoint("disabled_websocket_echo")
public class DisabledWebsocketEcho extends EchoHandler {
}
