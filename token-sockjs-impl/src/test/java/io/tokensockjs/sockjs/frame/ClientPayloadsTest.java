package io.tokensockjs.sockjs.frame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientPayloadsTest {

    @Test
    void readsAnArrayOfStrings() throws Exception {
        assertEquals(List.of("a", "b c", ""), ClientPayloads.parseArray(" [ \"a\" , \"b c\",\"\" ] "));
    }

    @Test
    void emptyArrayIsNoMessages() throws Exception {
        assertEquals(List.of(), ClientPayloads.parseArray("[]"));
        assertEquals(List.of(), ClientPayloads.parseArray(" [ ] "));
    }

    @Test
    void decodesEveryEscapeAndKeepsLoneSurrogates() throws Exception {
        assertEquals(List.of("\"\\/\b\f\n\r\t\u00e9\ud800x"),
                ClientPayloads.parseArray("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E9\\ud800x\"]"));
    }

    @Test
    void websocketAcceptsASingleString() throws Exception {
        assertEquals(List.of("a"), ClientPayloads.parseArrayOrString("\"a\""));
        assertEquals(List.of("a", "b"), ClientPayloads.parseArrayOrString("[\"a\",\"b\"]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "[\"a", "[\"a\"", "[\"a\",]", "[1]", "[null]", "[[\"a\"]]", "{\"a\":1}", "\"a\"",
        "[\"a\"]x", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\u١٢٣٤\"]", "[\"a\nb\"]", "", "x", "[\"a\" \"b\"]"})
    void rejectsBrokenPayloads(String payload) {
        assertThrows(BrokenJsonException.class, () -> ClientPayloads.parseArray(payload));
    }

    @Test
    void deepNestingIsRejectedWithoutRecursion() {
        String deep = "[".repeat(100_000);
        assertThrows(BrokenJsonException.class, () -> ClientPayloads.parseArray(deep));
    }
}
