package io.tokensockjs.junit;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;

/** Test data to JSON and back: JSON-P values as they are, anything else through JSON-B (records, beans, lists). */
final class JsonMapping {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonMapping() {
    }

    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        return JSON.createReader(new StringReader(JSONB.toJson(value))).readValue();
    }

    static <T> T fromJson(JsonValue value, Class<T> type) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        return JSONB.fromJson(value.toString(), type);
    }
}
