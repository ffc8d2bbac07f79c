package io.tokensockjs.auth;

import io.tokensockjs.json.Jsonp;
import io.tokensockjs.sockjs.frame.JsonStrings;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * Token data as JSON text, the form a shared store keeps it in:
 * {@code {"auth":<the authentication data>,"host":"...","ips":["..."],"issuedAt":1700000000000}}.
 */
final class TokenDataJson {

    private TokenDataJson() {
    }

    /** Written by hand: the authentication data is JSON already (SafeJsonb wrote it), and this runs per token. */
    static String write(TokenData data) {
        // Quoted into the one builder rather than each value quoted into a string of its own first.
        StringBuilder json = new StringBuilder(96 + data.authJson().length()).append("{\"auth\":").append(data.authJson())
                .append(",\"host\":");
        if (data.host() == null) {
            json.append("null");
        } else {
            JsonStrings.appendQuoted(json, data.host(), false);
        }
        json.append(",\"ips\":[");
        for (int i = 0; i < data.ips().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            JsonStrings.appendQuoted(json, data.ips().get(i), false);
        }
        return json.append("],\"issuedAt\":").append(data.issuedAt()).append('}').toString();
    }

    /** @throws IllegalArgumentException when the text is not token data */
    static TokenData read(String json, String what) {
        try {
            JsonObject object = Jsonp.parse(json).asJsonObject();
            JsonValue host = object.getOrDefault("host", JsonValue.NULL);
            List<String> ips = object.getJsonArray("ips").getValuesAs(JsonString::getString);
            return new TokenData(object.getOrDefault("auth", JsonValue.NULL).toString(),
                    host instanceof JsonString text ? text.getString() : null,
                    ips, object.getJsonNumber("issuedAt").longValueExact());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not token data: " + what, e);
        }
    }
}
