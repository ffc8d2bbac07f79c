package io.tokensockjs.auth;

import io.tokensockjs.TokenRoute;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * The token route: {@code {"token":"..."}} to an authenticated request; JSONP ({@code callback(...)}) when a
 * {@code callback} parameter is given, as the browser client uses for cross-origin pages.
 *
 * <p>One instance serves every request, made by {@link TokenApplication} as a JAX-RS singleton and not a CDI bean:
 * a request-scoped resource was created and injected per request (twice the cost of a token), and an
 * application-scoped bean resource still had RESTEasy resolve the bean and its client proxy through the bean
 * manager per request (6 % of a token's server CPU on Liberty, JFR 2026-12-07).
 */
@Path("token")
public class TokenResource {

    private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]{0,127}");
    /** Parsed once: {@code type(String)} parses the media type per response. */
    private static final MediaType JSON = MediaType.valueOf("application/json; charset=UTF-8");
    private static final MediaType JAVASCRIPT = MediaType.valueOf("application/javascript; charset=UTF-8");

    private final TokenIssuer issuer;
    /** Resolved once: a lookup per request would cost more than the observers themselves. */
    private final List<TokenRequestObserver> observers;

    /**
     * A proxy to the current request, injected once by the JAX-RS runtime into this singleton: as a method parameter
     * RESTEasy made a new proxy per request.
     */
    @Context
    HttpServletRequest request;

    /**
     * @param issuer    the issuer (the bean itself, not its client proxy: the package-info says why that is safe)
     * @param observers every {@link TokenRequestObserver} bean
     */
    TokenResource(TokenIssuer issuer, List<TokenRequestObserver> observers) {
        this.issuer = issuer;
        this.observers = List.copyOf(observers);
    }

    /**
     * Suspended until the token store holds the token: with Redis, the request's thread is free meanwhile, and the
     * answer is written by the thread that learns the token is stored (a responder thread of the library's).
     */
    @GET
    @TokenRoute
    public void token(@Suspended AsyncResponse answer) {
        // The servlet's own parameter parsing: a @QueryParam had RESTEasy parse the request URI again.
        String callback = request.getParameter("callback");
        if (callback != null && !CALLBACK.matcher(callback).matches()) {
            answer.resume(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity("{\"error\":\"Invalid callback\"}").header("X-Content-Type-Options", "nosniff").build());
            return;
        }
        for (TokenRequestObserver observer : observers) {
            observer.tokenRequested(request);
        }
        // Read here: the request's proxy is only valid on the request's own thread.
        String corsOrigin = null;
        if (callback == null) {
            String origin = request.getHeader("Origin");
            if (issuer.originPolicy().isAllowedCrossOrigin(TokenIssuer.ownOrigin(request), origin)) {
                corsOrigin = origin;
            }
        }
        String allowedOrigin = corsOrigin;
        issuer.issue(request).whenComplete((outcome, failure) -> {
            if (failure != null) {
                answer.resume(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else {
                answer.resume(response(outcome, callback, allowedOrigin));
            }
        });
    }

    private static Response response(TokenIssuer.Outcome outcome, String callback, String allowedOrigin) {
        Response.ResponseBuilder response;
        if (callback != null) {
            // Always 200 for JSONP: a script load that fails tells the page nothing, the error object does.
            response = Response.ok("/**/" + callback + "(" + outcome.json() + ");", JAVASCRIPT);
        } else {
            response = Response.status(outcome.status()).type(JSON).entity(outcome.json());
            if (allowedOrigin != null) {
                response.header("Access-Control-Allow-Origin", allowedOrigin)
                        .header("Access-Control-Allow-Credentials", "true")
                        .header("Vary", "Origin");
            }
        }
        return response.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
    }
}
