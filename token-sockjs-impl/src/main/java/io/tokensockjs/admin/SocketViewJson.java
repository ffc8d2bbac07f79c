package io.tokensockjs.admin;

import io.tokensockjs.json.Jsonp;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SocketView} as JSON: what the admin API answers, and what a server sends another over Redis. Reading is
 * strict (a view from another server is untrusted input): anything of the wrong shape is refused with
 * {@link IllegalArgumentException}.
 */
final class SocketViewJson {

    /** Longer strings than this do not come from a server of this library. */
    private static final int MAX_TEXT = 1024;

    private SocketViewJson() {
    }

    static JsonObjectBuilder write(SocketView socket) {
        JsonArrayBuilder channels = Jsonp.PROVIDER.createArrayBuilder();
        socket.channels().forEach(channels::add);
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("id", socket.id())
                .add("server", socket.server())
                .add("auth", socket.authSummary())
                .add("ip", nullable(socket.ip()))
                .add("transport", String.valueOf(socket.transport()))
                .add("channels", channels)
                .add("created", nullable(socket.created() == null ? null : socket.created().toString()))
                .add("queuedBytes", socket.queuedBytes());
    }

    static SocketView read(JsonValue value) {
        if (!(value instanceof JsonObject json)) {
            throw new IllegalArgumentException("a socket must be an object");
        }
        String created = optionalText(json, "created");
        Instant instant;
        try {
            instant = created == null ? null : Instant.parse(created);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created is not an instant");
        }
        if (!(json.get("queuedBytes") instanceof JsonNumber queued) || !queued.isIntegral() || queued.longValue() < 0) {
            throw new IllegalArgumentException("queuedBytes must be a whole number from 0");
        }
        return new SocketView(text(json, "id"), text(json, "server"), text(json, "auth"), optionalText(json, "ip"),
                text(json, "transport"), texts(json, "channels"), instant, queued.longValue());
    }

    /** A non-empty string of at most {@value #MAX_TEXT} characters. */
    static String text(JsonObject json, String key) {
        if (json.get(key) instanceof JsonString string && !string.getString().isEmpty() && string.getString().length() <= MAX_TEXT) {
            return string.getString();
        }
        throw new IllegalArgumentException(key + " must be a non-empty string of at most " + MAX_TEXT + " characters");
    }

    static String optionalText(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value == null || value == JsonValue.NULL ? null : text(json, key);
    }

    private static List<String> texts(JsonObject json, String key) {
        if (!(json.get(key) instanceof JsonArray array)) {
            throw new IllegalArgumentException(key + " must be an array");
        }
        List<String> texts = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonString string) || string.getString().length() > MAX_TEXT) {
                throw new IllegalArgumentException(key + " must hold strings");
            }
            texts.add(string.getString());
        }
        return List.copyOf(texts);
    }

    private static JsonValue nullable(String text) {
        return text == null ? JsonValue.NULL : Jsonp.PROVIDER.createValue(text);
    }
}
