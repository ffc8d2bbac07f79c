package io.tokensockjs.it.app.rest;

import io.tokensockjs.TokenSocketServer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An ordinary JAX-RS resource that knows nothing of sockets, offered as the functions {@code items.get} and
 * {@code items.create} (see microprofile-config.properties). {@code whoCalls} shows how a resource can still tell
 * which socket called it.
 */
@Path("items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    @Inject
    TokenSocketServer server;

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("detail") String detail) {
        if (id.equals("missing")) {
            return Response.status(404).entity(Json.createObjectBuilder().add("error", "No such item").build()).build();
        }
        return Response.ok(Json.createObjectBuilder().add("id", id).add("name", "Item " + id)
                .add("detail", detail == null ? "none" : detail).build()).header("X-Item", id).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject item) {
        return Response.status(201).entity(Json.createObjectBuilder(item).add("id", "new-1").build()).build();
    }

    @GET
    @Path("caller")
    public JsonObject whoCalls(@Context HttpServletRequest request) {
        return Json.createObjectBuilder().add("socket", server.routeCaller(request).map(s -> s.id()).orElse("none")).build();
    }
}
