package io.tokensockjs.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.Map;

/** One JSON-P provider for the client: {@code Json.createXxx} looks the provider up again on every call. */
final class Jsonp {

    static final JsonProvider PROVIDER = JsonProvider.provider();
    static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());

    private Jsonp() {
    }

    /** The object the text holds, or null when it is not a JSON object. */
    static JsonObject object(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
