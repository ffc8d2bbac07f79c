package io.tokensockjs.sample;

import io.tokensockjs.MessageFilter;
import io.tokensockjs.Socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Admins see who wrote with which e-mail address; everyone else gets the message without it. */
@ApplicationScoped
public class HideEmailFilter implements MessageFilter {

    @Override
    public JsonValue filter(Socket socket, String channel, JsonValue message) {
        if (message instanceof JsonObject object && object.containsKey("email")
                && !socket.authData(User.class).isAdmin()) {
            return Json.createObjectBuilder(object).remove("email").build();
        }
        return message;
    }
}
