package io.tokensockjs.it.app.token;

import io.tokensockjs.TokenRoute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * An application filter bound to the token route (the original's customMiddleware): refuses token requests that
 * carry {@code blocked=1}, standing in for a rate limit or an extra check.
 */
@Provider
@TokenRoute
@ApplicationScoped
public class TokenRateLimitFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if ("1".equals(request.getUriInfo().getQueryParameters().getFirst("blocked"))) {
            request.abortWith(Response.status(429).type("application/json").entity("{\"error\":\"Slow down\"}").build());
        }
    }
}
