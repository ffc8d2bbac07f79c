package io.tokensockjs.sockjs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sets the sticky-session cookie on an answer of a SockJS service: sockjs-node's {@code jsessionid} option given as a
 * function. A CDI bean implementing it replaces the default cookie ({@code JSESSIONID} echoed, else {@code dummy});
 * annotated {@link SockJsEndpoint}{@code ("name")} it applies to that service only, else to every service.
 */
@FunctionalInterface
public interface JsessionidCookie {

    /** Called on every answer of a session transport, before its body. */
    void set(HttpServletRequest request, HttpServletResponse response);
}
