package io.tokensockjs.auth;

import io.tokensockjs.Authentication;
import io.tokensockjs.Authenticator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The default authentication: a request whose HTTP session holds the attribute (by default {@code auth}) gets a
 * token, and the attribute's value becomes the socket's authentication data. A request without a session never
 * creates one.
 */
final class SessionAttributeAuthenticator implements Authenticator {

    private final String attribute;

    SessionAttributeAuthenticator(String attribute) {
        this.attribute = attribute;
    }

    @Override
    public Authentication authenticate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object value = session == null ? null : session.getAttribute(attribute);
        return value == null ? Authentication.refuse() : Authentication.accept(value);
    }
}
