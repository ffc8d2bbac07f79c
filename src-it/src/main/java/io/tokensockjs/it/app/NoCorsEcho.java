package io.tokensockjs.it.app;

import io.tokensockjs.sockjs.SockJsEndpoint;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code /no_cors_echo}: an echo with the disable-cors option (microprofile-config.properties). */
@ApplicationScoped
@SockJsEndpoint("no_cors_echo")
public class NoCorsEcho extends EchoHandler {
}
