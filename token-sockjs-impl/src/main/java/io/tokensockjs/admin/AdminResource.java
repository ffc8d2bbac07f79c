package io.tokensockjs.admin;

import io.tokensockjs.json.Jsonp;
import io.tokensockjs.metrics.MetricRegistry;
import io.tokensockjs.metrics.TokenSocketMetrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The admin API, under {@value AdminApplication#PATH}. Every answer is JSON (the metrics excepted); every request
 * passes {@link AdminAccess} first, so that a caller without the credential learns nothing, not even whether a socket
 * exists.
 *
 * <ul>
 *   <li>{@code GET sockets?offset&limit&channel&transport&ip&q}: a page of sockets ({@value #DEFAULT_LIMIT}, at most
 *       {@value #MAX_LIMIT}), of every server when they share a Redis; {@code unanswered} names the servers that did
 *       not answer in time</li>
 *   <li>{@code GET sockets/{id}}, {@code DELETE sockets/{id}} (closes it), on whichever server holds it; 504 when that
 *       server does not answer</li>
 *   <li>{@code POST sockets/{id}/unsubscribe} with {@code {"channel":C}}</li>
 *   <li>{@code GET channels?offset&limit}: channels with their subscribers</li>
 *   <li>{@code POST publish} with {@code {"channel":C,"data":D}}</li>
 *   <li>{@code GET metrics}: the library's metrics as Prometheus text (what the dashboard reads)</li>
 * </ul>
 */
@Path("")
@ApplicationScoped
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class.getName());

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** Request bodies (publish, unsubscribe) are at most this long. */
    static final int MAX_BODY = 64 * 1024;
    /** Filter values longer than this match nothing anyway; refused rather than scanned. */
    static final int MAX_FILTER = 256;

    @Inject
    AdminAccess access;

    @Inject
    SocketDirectory directory;

    @Inject
    TokenSocketMetrics metrics;

    @Context
    HttpServletRequest request;

    @GET
    @Path("sockets")
    public Response sockets() {
        return guarded(() -> {
            int offset = intParameter("offset", 0, Integer.MAX_VALUE);
            int limit = Math.min(intParameter("limit", DEFAULT_LIMIT, Integer.MAX_VALUE), MAX_LIMIT);
            if (limit == 0) {
                throw new BadRequest("limit must be at least 1");
            }
            Page<SocketView> page;
            try {
                page = directory.sockets(new SocketQuery(filter("channel"), filter("transport"), filter("ip"), filter("q"), offset, limit));
            } catch (IllegalArgumentException e) {
                throw new BadRequest(e.getMessage()); // a page deeper than a cluster-wide listing serves
            }
            JsonArrayBuilder items = Jsonp.PROVIDER.createArrayBuilder();
            page.items().forEach(socket -> items.add(SocketViewJson.write(socket)));
            return ok(pageJson(page).add("sockets", items));
        });
    }

    @GET
    @Path("sockets/{id}")
    public Response socket(@PathParam("id") String id) {
        return guarded(() -> directory.socket(id).map(socket -> ok(SocketViewJson.write(socket))).orElseGet(() -> error(404, "No such socket")));
    }

    @DELETE
    @Path("sockets/{id}")
    public Response close(@PathParam("id") String id) {
        return guarded(() -> {
            if (!directory.close(id)) {
                return error(404, "No such socket");
            }
            LOG.info(() -> "admin API: socket " + id + " closed by " + request.getRemoteAddr());
            return Response.noContent().build();
        });
    }

    @POST
    @Path("sockets/{id}/unsubscribe")
    public Response unsubscribe(@PathParam("id") String id, InputStream body) {
        return guarded(() -> {
            String channel = channelOf(readObject(body));
            if (!directory.unsubscribe(id, channel)) {
                return error(404, "No such socket on that channel");
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("channels")
    public Response channels() {
        return guarded(() -> {
            int offset = intParameter("offset", 0, Integer.MAX_VALUE);
            int limit = Math.min(intParameter("limit", DEFAULT_LIMIT, Integer.MAX_VALUE), MAX_LIMIT);
            Page<ChannelView> page;
            try {
                page = directory.channels(offset, limit);
            } catch (IllegalArgumentException e) {
                throw new BadRequest(e.getMessage());
            }
            JsonArrayBuilder array = Jsonp.PROVIDER.createArrayBuilder();
            page.items().forEach(channel -> array.add(Jsonp.PROVIDER.createObjectBuilder()
                    .add("channel", channel.channel()).add("subscribers", channel.subscribers())));
            return ok(pageJson(page).add("channels", array));
        });
    }

    @POST
    @Path("publish")
    public Response publish(InputStream body) {
        return guarded(() -> {
            JsonObject message = readObject(body);
            String channel = channelOf(message);
            JsonValue data = message.getOrDefault("data", JsonValue.NULL);
            try {
                directory.publish(channel, data.toString());
            } catch (IllegalArgumentException e) {
                throw new BadRequest("Not a channel clients can use");
            }
            return Response.accepted().type("application/json").entity("{\"published\":true}").build();
        });
    }

    @GET
    @Path("metrics")
    public Response metrics() {
        return guarded(() -> Response.ok(metrics.registry().prometheusText(), MetricRegistry.CONTENT_TYPE).build());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** A refusal the handler throws: 400 with its message. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private interface Action {
        Response run() throws IOException;
    }

    private Response guarded(Action action) {
        AdminAccess.Decision decision = access.decide(request);
        Response response;
        if (decision != AdminAccess.Decision.ALLOWED) {
            response = refusal(decision);
        } else {
            try {
                response = action.run();
            } catch (BadRequest e) {
                response = error(400, e.getMessage());
            } catch (IOException e) {
                response = error(400, "Unreadable request body");
            } catch (ServerUnansweredException e) {
                response = Response.status(504).type("application/json").entity(Jsonp.PROVIDER.createObjectBuilder()
                        .add("error", e.getMessage()).add("unanswered", Jsonp.PROVIDER.createArrayBuilder().add(e.server()))
                        .build().toString()).build();
            }
        }
        return Response.fromResponse(response).header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
    }

    private static Response refusal(AdminAccess.Decision decision) {
        return switch (decision) {
            case OFF -> error(404, "Not found");
            case UNAUTHORIZED -> Response.fromResponse(error(401, "Unauthorized"))
                    .header("WWW-Authenticate", "Bearer realm=\"token-sockjs\"").build();
            default -> error(403, "Forbidden");
        };
    }

    private static Response error(int status, String message) {
        return Response.status(status).type("application/json")
                .entity(Jsonp.PROVIDER.createObjectBuilder().add("error", message).build().toString()).build();
    }

    private static Response ok(JsonObjectBuilder json) {
        return Response.ok(json.build().toString(), "application/json").build();
    }

    private int intParameter(String name, int fallback, int max) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0 || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number from 0");
        }
    }

    private String filter(String name) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_FILTER) {
            throw new BadRequest(name + " is too long");
        }
        return value;
    }

    private static JsonObject readObject(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new BadRequest("Request body larger than " + MAX_BODY + " bytes");
        }
        try {
            if (Jsonp.parse(new String(bytes, StandardCharsets.UTF_8)) instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) {
            // Not JSON: the same answer as JSON of the wrong shape.
        }
        throw new BadRequest("The body must be a JSON object");
    }

    private static String channelOf(JsonObject message) {
        if (message.get("channel") instanceof JsonString channel && !channel.getString().isEmpty()) {
            return channel.getString();
        }
        throw new BadRequest("channel must be a non-empty string");
    }

    /** The page's numbers, and the servers whose part is missing (always present, empty when the answer is whole). */
    private static JsonObjectBuilder pageJson(Page<?> page) {
        JsonArrayBuilder unanswered = Jsonp.PROVIDER.createArrayBuilder();
        page.unanswered().forEach(unanswered::add);
        return Jsonp.PROVIDER.createObjectBuilder().add("offset", page.offset()).add("limit", page.limit()).add("total", page.total())
                .add("unanswered", unanswered);
    }
}
