package io.tokensockjs;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides whether an HTTP request may have a socket token. Provide one as a CDI bean to replace the default,
 * which accepts requests whose HTTP session holds the attribute named by {@code token-sockjs.authentication.session-attribute}
 * ({@code auth}) and attaches its value as the socket's authentication data.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param request the token request, with the query parameters the client sent
     * @return the decision; throwing makes the token request fail with 500
     */
    Authentication authenticate(HttpServletRequest request) throws Exception;
}
