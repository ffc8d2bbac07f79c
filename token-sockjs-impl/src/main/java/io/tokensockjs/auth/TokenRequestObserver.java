package io.tokensockjs.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Told of every token request before it is decided. Layers above this one learn through it what only an HTTP request
 * shows (the route functions learn the application's own address), without the token route knowing them.
 */
public interface TokenRequestObserver {

    /** Runs on the request's thread: keep it short. */
    void tokenRequested(HttpServletRequest request);
}
