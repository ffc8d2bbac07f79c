package io.tokensockjs.it.app.pubsub;

import io.tokensockjs.MessageFilter;
import io.tokensockjs.Socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Hides the {@code secret} field from non-admins and drops messages marked {@code drop}. */
@ApplicationScoped
public class SecretFilter implements MessageFilter {

    @Override
    public JsonValue filter(Socket socket, String channel, JsonValue message) {
        if (!(message instanceof JsonObject object)) {
            return message;
        }
        if (object.getBoolean("drop", false)) {
            return null;
        }
        boolean admin = socket.authData() instanceof JsonObject auth && "admin".equals(auth.getString("role", ""));
        if (!admin && object.containsKey("secret")) {
            return Json.createObjectBuilder(object).remove("secret").build();
        }
        return message;
    }
}
