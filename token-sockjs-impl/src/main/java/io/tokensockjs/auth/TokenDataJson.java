package io.tokensockjs.auth;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.List;

/**
 * Token data as JSON text, the form a shared store keeps it in:
 * {@code {"auth":<the authentication data>,"host":"...","ips":["..."],"issuedAt":1700000000000}}.
 */
final class TokenDataJson {

    private TokenDataJson() {
    }

    static String write(TokenData data) {
        JsonArrayBuilder ips = Json.createArrayBuilder();
        data.ips().forEach(ips::add);
        return Json.createObjectBuilder()
                .add("auth", read(data.authJson()))
                .add("host", data.host() == null ? JsonValue.NULL : Json.createValue(data.host()))
                .add("ips", ips)
                .add("issuedAt", data.issuedAt())
                .build()
                .toString();
    }

    /** @throws IllegalArgumentException when the text is not token data */
    static TokenData read(String json, String what) {
        try {
            JsonObject object = Json.createReader(new StringReader(json)).readObject();
            JsonValue host = object.getOrDefault("host", JsonValue.NULL);
            List<String> ips = object.getJsonArray("ips").getValuesAs(JsonString::getString);
            return new TokenData(object.getOrDefault("auth", JsonValue.NULL).toString(),
                    host instanceof JsonString text ? text.getString() : null,
                    ips, object.getJsonNumber("issuedAt").longValueExact());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not token data: " + what, e);
        }
    }

    private static JsonValue read(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }
}
