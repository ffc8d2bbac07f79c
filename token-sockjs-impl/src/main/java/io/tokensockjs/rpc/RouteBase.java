package io.tokensockjs.rpc;

import io.tokensockjs.auth.TokenRequestObserver;
import io.tokensockjs.config.TokenSockJsConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where route functions send their HTTP requests: {@value TokenSockJsConfig#ROUTES_BASE_URL} when set, else this
 * application as the first token request reached it (its local address, port and context root: every socket asks
 * for a token before it can call anything). Also the secret that marks a request as made by a route function.
 */
@ApplicationScoped
public class RouteBase implements TokenRequestObserver {

    @Inject
    TokenSockJsConfig config;

    private volatile String base;
    private final String secret = randomSecret();

    /** Notes the application's own address from a request that reached it, unless a base URL is configured. */
    @Override
    public void tokenRequested(HttpServletRequest request) {
        if (base == null && config.routesBaseUrl().isEmpty()) {
            String host = request.getLocalAddr();
            if (host.contains(":")) {
                host = "[" + host + "]";
            }
            base = request.getScheme() + "://" + host + ":" + request.getLocalPort() + request.getContextPath();
        }
    }

    /** The base URL, or null when no request has shown it yet and none is configured. */
    public String base() {
        return config.routesBaseUrl().orElse(base);
    }

    /** The value of {@link RouteFunction#SECRET_HEADER} on requests made by route functions. */
    public String secret() {
        return secret;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
