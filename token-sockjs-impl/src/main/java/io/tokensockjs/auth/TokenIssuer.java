package io.tokensockjs.auth;

import io.tokensockjs.Authentication;
import io.tokensockjs.Authenticator;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.json.JsonCodec;
import io.tokensockjs.json.SafeJsonb;
import io.tokensockjs.metrics.TokenEvent;
import io.tokensockjs.metrics.TokenSocketMetrics;
import io.tokensockjs.tracing.SpanKind;
import io.tokensockjs.tracing.TraceSpan;
import io.tokensockjs.tracing.Tracing;
import io.tokensockjs.sockjs.frame.JsonStrings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Issues tokens to HTTP requests that pass the origin check and the authentication: the logic of the token
 * route, apart from the JAX-RS plumbing.
 */
@ApplicationScoped
public class TokenIssuer {

    private static final Logger LOG = Logger.getLogger(TokenIssuer.class.getName());

    /** What the route answers: a status and a JSON body. */
    public record Outcome(int status, String json) {
    }

    @Inject
    TokenSockJsConfig config;

    @Inject
    Instance<Authenticator> authenticators;

    @Inject
    TokenStores stores;

    @Inject
    JsonCodec json;

    @Inject
    TokenSocketMetrics metrics;

    @Inject
    Tracing tracing;

    private OriginPolicy originPolicy;
    private Authenticator fallback;
    /** The application's Authenticator or the fallback, resolved on the first request (not per request). */
    private volatile Authenticator authenticator;
    /** {@link TokenStores#store()}, resolved on the first request. */
    private volatile TokenStore store;
    private Duration ttl;
    private Jsonb jsonb;
    private volatile boolean shutdown;

    @PostConstruct
    void init() {
        originPolicy = new OriginPolicy(config.allowedOrigins());
        fallback = new SessionAttributeAuthenticator(config.sessionAttribute());
        ttl = config.tokenTtl();
        jsonb = json.jsonb();
        // Plain references for the per-request path instead of client proxies (package-info).
        metrics = metrics.unproxied().get();
        tracing = tracing.unproxied().get();
    }

    /** The origin policy of the route, for its CORS headers. */
    public OriginPolicy originPolicy() {
        return originPolicy;
    }

    /**
     * Decides one token request; the answer comes when the token store holds the token (on the thread that learns
     * it: a responder thread of the library's with Redis), at once for a refusal.
     */
    public CompletableFuture<Outcome> issue(HttpServletRequest request) {
        TraceSpan span = tracing.start("token-sockjs token", SpanKind.INTERNAL, null);
        CompletableFuture<Outcome> decided;
        try (TraceSpan.Scope scope = span.makeCurrent()) {
            decided = decide(request);
        } catch (RuntimeException e) {
            span.end("internal_error", true);
            throw e;
        }
        return decided.thenApply(outcome -> {
            boolean issued = outcome.status() == 200;
            metrics.token(issued ? TokenEvent.ISSUED : TokenEvent.REFUSED);
            span.end(issued ? "issued" : "refused " + outcome.status(), outcome.status() >= 500);
            return outcome;
        });
    }

    private CompletableFuture<Outcome> decide(HttpServletRequest request) {
        if (shutdown) {
            return error(503, "Server shutting down");
        }
        String ownOrigin = ownOrigin(request);
        if (!originPolicy.allows(ownOrigin, request.getHeader("Origin"), request.getHeader("Referer"),
                request.getHeader("Sec-Fetch-Site"))) {
            LOG.warning(() -> "Token refused to a cross-site request from " + pageOf(request) + " (not in "
                    + TokenSockJsConfig.ALLOWED_ORIGINS + ")");
            return error(403, "Forbidden");
        }
        Authentication authentication;
        try {
            authentication = authenticator().authenticate(request);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Authenticator failed on a token request", e);
            return error(500, "Authentication failed");
        }
        if (authentication == null || !authentication.accepted()) {
            LOG.fine(() -> "Token refused: not authenticated (" + request.getRemoteAddr() + ")");
            return error(403, "Forbidden");
        }
        String authJson;
        try {
            authJson = SafeJsonb.write(jsonb, authentication.data());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Authentication data cannot be written as JSON", e);
            return error(500, "Authentication data is not JSON");
        }
        TokenData data = new TokenData(authJson, request.getHeader("Host"), addresses(request), System.currentTimeMillis());
        return store().issueLater(data, ttl).handle((token, failure) -> {
            if (failure == null) {
                return new Outcome(200, "{\"token\":" + JsonStrings.quote(token) + "}");
            }
            Throwable why = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            LOG.log(Level.WARNING, "Token store refused a token", why);
            return refusal(503, "Token store unavailable");
        });
    }

    /** The token store, asked of its bean once: a call through the bean's client proxy per token cost more. */
    private TokenStore store() {
        TokenStore known = store;
        if (known == null) {
            known = stores.store();
            store = known;
        }
        return known;
    }

    /**
     * This bean itself, not its client proxy: called through the proxy once, it gives the token route a plain
     * reference (why that is safe: the package-info of {@code io.tokensockjs.auth}). Wrapped, because Weld's proxy
     * hands back itself for a method that returns {@code this}.
     */
    public Supplier<TokenIssuer> unproxied() {
        TokenIssuer self = this;
        return () -> self;
    }

    /** Stops issuing tokens, for shutdown. */
    public void shutdown() {
        shutdown = true;
    }

    private Authenticator authenticator() {
        Authenticator resolved = authenticator;
        if (resolved == null) {
            resolved = authenticators.isResolvable() ? authenticators.get() : fallback;
            authenticator = resolved;
        }
        return resolved;
    }

    private static CompletableFuture<Outcome> error(int status, String message) {
        return CompletableFuture.completedFuture(refusal(status, message));
    }

    private static Outcome refusal(int status, String message) {
        return new Outcome(status, "{\"error\":" + JsonStrings.quote(message) + "}");
    }

    /** The {@code X-Forwarded-For} chain, then the peer address. */
    static List<String> addresses(HttpServletRequest request) {
        List<String> ips = new ArrayList<>();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            for (String part : forwarded.split(",")) {
                String ip = part.trim();
                if (!ip.isEmpty() && ips.size() < 16) {
                    ips.add(ip);
                }
            }
        }
        ips.add(request.getRemoteAddr());
        return ips;
    }

    /** This server's origin as the request reached it. */
    static String ownOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return request.getScheme() + "://" + host;
    }

    private static String pageOf(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        return origin != null ? origin : String.valueOf(request.getHeader("Referer"));
    }
}
