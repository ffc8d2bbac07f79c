package io.tokensockjs.it.app;

import io.tokensockjs.sockjs.SockJsEndpoint;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code /cookie_needed_echo}: echo with the JSESSIONID option on. */
@ApplicationScoped
@SockJsEndpoint("cookie_needed_echo")
public class CookieNeededEcho extends EchoHandler {
}
