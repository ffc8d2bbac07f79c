package io.tokensockjs.json;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;

/**
 * The JSON-P provider, looked up once. {@code Json.createReader}, {@code Json.createObjectBuilder} and the rest
 * look the provider up through the ServiceLoader on every call: on Liberty that scan of the class loaders cost
 * more than the rest of a token request together (see benchmarks/results).
 */
public final class Jsonp {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    /** Parses one JSON value; throws {@code JsonException} (a RuntimeException) when it is not JSON. */
    public static JsonValue parse(String json) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
