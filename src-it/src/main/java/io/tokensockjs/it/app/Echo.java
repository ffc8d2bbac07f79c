package io.tokensockjs.it.app;

import io.tokensockjs.sockjs.SockJsEndpoint;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code /echo}, with a response limit of 4096 bytes (see microprofile-config.properties). */
@ApplicationScoped
@SockJsEndpoint("echo")
public class Echo extends EchoHandler {
}
