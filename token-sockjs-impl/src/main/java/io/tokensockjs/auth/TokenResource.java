package io.tokensockjs.auth;

import io.tokensockjs.TokenRoute;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The token route: {@code {"token":"..."}} to an authenticated request; JSONP ({@code callback(...)}) when a
 * {@code callback} parameter is given, as the browser client uses for cross-origin pages. One instance serves every
 * request: a request-scoped resource is created and injected per request, which doubled the cost of a token.
 */
@Path("token")
@ApplicationScoped
public class TokenResource {

    private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]{0,127}");

    @Inject
    TokenIssuer issuer;

    @Inject
    @Any
    Instance<TokenRequestObserver> observerBeans;

    /** Resolved once: a lookup per request would cost more than the observers themselves. */
    private List<TokenRequestObserver> observers;

    /** A proxy to the current request, made once: as a method parameter RESTEasy made a new proxy per request. */
    @Context
    HttpServletRequest request;

    @PostConstruct
    void init() {
        observers = observerBeans.stream().toList();
    }

    @GET
    @TokenRoute
    public Response token() {
        // The servlet's own parameter parsing: a @QueryParam had RESTEasy parse the request URI again.
        String callback = request.getParameter("callback");
        if (callback != null && !CALLBACK.matcher(callback).matches()) {
            return Response.status(400).type("application/json")
                    .entity("{\"error\":\"Invalid callback\"}").header("X-Content-Type-Options", "nosniff").build();
        }
        for (TokenRequestObserver observer : observers) {
            observer.tokenRequested(request);
        }
        TokenIssuer.Outcome outcome = issuer.issue(request);
        Response.ResponseBuilder response;
        if (callback != null) {
            // Always 200 for JSONP: a script load that fails tells the page nothing, the error object does.
            response = Response.ok("/**/" + callback + "(" + outcome.json() + ");", "application/javascript; charset=UTF-8");
        } else {
            response = Response.status(outcome.status()).type("application/json; charset=UTF-8").entity(outcome.json());
            String origin = request.getHeader("Origin");
            if (issuer.originPolicy().isAllowedCrossOrigin(TokenIssuer.ownOrigin(request), origin)) {
                response.header("Access-Control-Allow-Origin", origin)
                        .header("Access-Control-Allow-Credentials", "true")
                        .header("Vary", "Origin");
            }
        }
        return response.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
    }
}
