package io.tokensockjs.it.app;

import io.tokensockjs.sockjs.SockJsEndpoint;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code /limited_echo}: an echo with small limits, short delays and the {@code log} option on, for the tests
 * that feed the server hostile input (see microprofile-config.properties).
 */
@ApplicationScoped
@SockJsEndpoint("limited_echo")
public class LimitedEcho extends EchoHandler {
}
