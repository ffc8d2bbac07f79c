package io.tokensockjs.it.app;

import io.tokensockjs.sockjs.JsessionidCookie;
import io.tokensockjs.sockjs.SockJsEndpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /cookie_function_echo}: an echo whose sticky-session cookie is the application's (sockjs-node's jsessionid function). */
@ApplicationScoped
@SockJsEndpoint("cookie_function_echo")
public class CookieFunctionEcho extends EchoHandler implements JsessionidCookie {

    @Override
    public void set(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", "ROUTE=it-node; Path=/");
    }
}
