package io.tokensockjs.bench.server;

import io.tokensockjs.Authentication;
import io.tokensockjs.Authenticator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;

/** Issues a token to every request, with the same authentication data as the Node baseline. */
@ApplicationScoped
public class AcceptEveryone implements Authenticator {

    private static final Authentication BENCH_USER = Authentication.accept(Map.of("user", "bench"));

    @Override
    public Authentication authenticate(HttpServletRequest request) {
        return BENCH_USER;
    }
}
