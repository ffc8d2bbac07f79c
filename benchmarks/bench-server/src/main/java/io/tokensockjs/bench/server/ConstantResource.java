package io.tokensockjs.bench.server;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /bench/floor/constant}: {@link PingResource}'s constant from a JAX-RS singleton that is not a CDI bean,
 * the shape of the token route's resource ({@code TokenResource}): no bean-manager lookup per request.
 */
@Path("constant")
public class ConstantResource {

    @GET
    @Produces("application/json")
    public String constant() {
        return "{\"pong\":true}";
    }
}
