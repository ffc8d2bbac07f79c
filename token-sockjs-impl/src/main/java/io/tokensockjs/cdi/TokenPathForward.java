package io.tokensockjs.cdi;

import io.tokensockjs.auth.TokenApplication;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;

/**
 * Serves a configured token path that differs from the token route's own: JAX-RS paths are fixed at compile time,
 * so requests to the configured path are forwarded, query and session intact, to {@value TokenApplication#TOKEN_PATH}.
 */
final class TokenPathForward implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        request.getRequestDispatcher(TokenApplication.TOKEN_PATH).forward(request, response);
    }
}
