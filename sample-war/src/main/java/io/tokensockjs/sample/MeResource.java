package io.tokensockjs.sample;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** {@code GET /api/me}: who the page's session belongs to, so the page knows whether to show the login form. */
@Path("me")
public class MeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me(@Context HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object auth = session == null ? null : session.getAttribute("auth");
        if (!(auth instanceof Map<?, ?> user)) {
            return Json.createObjectBuilder().add("loggedIn", false).build();
        }
        return Json.createObjectBuilder().add("loggedIn", true)
                .add("name", String.valueOf(user.get("name"))).add("role", String.valueOf(user.get("role"))).build();
    }
}
