package io.tokensockjs.bench.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** A constant answer: see {@link FloorApplication}. */
@Path("ping")
@ApplicationScoped
public class PingResource {

    @GET
    @Produces("application/json")
    public String ping() {
        return "{\"pong\":true}";
    }
}
