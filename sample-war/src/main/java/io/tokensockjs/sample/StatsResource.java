package io.tokensockjs.sample;

import io.tokensockjs.TokenSocketServer;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.lang.management.ManagementFactory;

/**
 * An existing REST resource, unchanged, that the page also calls over its socket as the function {@code stats.get}
 * (see {@code token-sockjs.routes.stats.get} in microprofile-config.properties).
 */
@Path("stats")
public class StatsResource {

    @Inject
    TokenSocketServer server;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject stats() {
        return Json.createObjectBuilder()
                .add("sockets", server.sockets().size())
                .add("channels", server.channels().size())
                .add("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .build();
    }
}
