package io.tokensockjs.junit;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class JsonMappingTest {

    /** Public, as JSON-B needs. */
    public record Say(String room, String text) {
    }

    @Test
    void recordsGoToJsonAndBackAndJsonValuesStayAsTheyAre() {
        JsonValue json = JsonMapping.toJson(new Say("lobby", "hi"));
        assertEquals(Json.createObjectBuilder().add("room", "lobby").add("text", "hi").build(), json);
        assertEquals(new Say("lobby", "hi"), JsonMapping.fromJson(json, Say.class));
        JsonValue value = Json.createValue(3);
        assertSame(value, JsonMapping.toJson(value));
        assertSame(value, JsonMapping.fromJson(value, JsonValue.class));
        assertEquals(JsonValue.NULL, JsonMapping.toJson(null));
        assertEquals(Json.createArrayBuilder().add("a").add("b").build(), JsonMapping.toJson(List.of("a", "b")));
        assertEquals("text", JsonMapping.fromJson(Json.createValue("text"), String.class));
    }
}
