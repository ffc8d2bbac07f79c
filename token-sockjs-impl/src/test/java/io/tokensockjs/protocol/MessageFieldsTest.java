package io.tokensockjs.protocol;

import io.tokensockjs.json.Jsonp;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link MessageFields} against the JSON-P reader it replaced: the same messages refused, the same values read. */
class MessageFieldsTest {

    /** What the dispatcher read before: the message as a JSON object, or null when JSON-P refused it or it is no object. */
    private static JsonObject parsson(String text) {
        try (JsonReader reader = Jsonp.PROVIDER.createReaderFactory(java.util.Map.of()).createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void assertSameAsParsson(String text) {
        JsonObject expected = parsson(text);
        MessageFields actual = MessageFields.parse(text);
        String shown = text.length() > 120 ? text.substring(0, 120) + "..." : text;
        if (expected == null) {
            assertNull(actual, "JSON-P refuses " + shown);
            return;
        }
        assertNotNull(actual, "JSON-P reads " + shown);
        assertEquals(expected.keySet(), actual.names(), shown);
        for (String name : expected.keySet()) {
            assertEquals(expected.get(name), actual.get(name), name + " of " + shown);
            // Both ways, with JSON-P's hash and JSON-P's text: a string value is not JSON-P's own class.
            assertEquals(actual.get(name), expected.get(name), name + " of " + shown);
            assertEquals(expected.get(name).hashCode(), actual.get(name).hashCode(), name + " of " + shown);
            assertEquals(expected.get(name).toString(), actual.get(name).toString(), name + " of " + shown);
            String string = expected.get(name) instanceof JsonString s ? s.getString() : null;
            assertEquals(string, actual.string(name), name + " of " + shown);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"rpc\":\"echo\",\"uuid\":\"1\",\"req\":\"xxxx\"}",
            " \t\r\n{ \"rpc\" : \"echo\" , \"uuid\" : 7 , \"req\" : { \"a\" : [ 1 , 2.5 , -0 , 1e2 , 1E-2 , true , false , null ] } } ",
            "{}", "{ }", "{\"\":\"\"}",
            "{\"a\":1,\"a\":2}", "{\"rpc\":\"one\",\"rpc\":\"two\"}", "{\"rpc\":\"one\",\"rpc\":2}",
            "{\"r\\u0070c\":\"ec\\u0068o\"}", "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E9\\u00e9\"}",
            "{\"a\":\"\\ud800\",\"b\":\"\\udc00x\",\"c\":\"\\uD83D\\uDE00\"}", "{\"a\":\"\u007f\u0080\uffff\ud800\"}",
            "{\"a\":12345678901234567890123456789,\"b\":-12345678901234567890.5e-3,\"c\":0.000001,\"d\":0e0}",
            "{\"a\":1}x", "{\"a\":1} {}", "{\"a\":1}]", "{\"a\":[1]}]]]", "{}\"unterminated", "{\"a\":1}\u0000",
            "{\"a\":{},\"b\":[],\"c\":[{}],\"d\":{\"e\":[[]]}}",
            // refused
            "", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{\"a\":1", "{\"a\":1,}", "{,}", "{\"a\":[1,]}", "{\"a\":[1 2]}",
            "{\"a\":{\"b\"}}", "{\"a\":{\"b\":1,}}", "{\"a\":{1:2}}", "{'a':1}", "{a:1}", "{\"a\":'x'}",
            "{\"a\":01}", "{\"a\":-01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":1e+}", "{\"a\":-}", "{\"a\":+1}",
            "{\"a\":1x}", "{\"a\":Infinity}", "{\"a\":NaN}", "{\"a\":0x10}",
            "{\"a\":1e2147483648}", "{\"a\":1e-2147483648}", "{\"a\":1.5e-2147483648}", "{\"a\":1e999999999999}", "{\"a\":[1e99999999999]}",
            "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}", "{\"a\":True}", "{\"a\":fals}",
            "{\"a\":\"\\x\"}", "{\"a\":\"\\u00zz\"}", "{\"a\":\"\\u00\"}", "{\"a\":\"\\U0041\"}", "{\"a\":\"\\u\uff10\uff10\uff10\uff10\"}",
            "{\"a\":\"\\\"}", "{\"a\":\"x", "{\"a\":\"\t\"}", "{\"a\":\"\u0001\"}", "{\"a\":\"\u001f\"}", "{\"a\":\"\n\"}",
            "{\"a\":[\"\\q\"]}", "{\"a\\q\":1}", "{\"\t\":1}",
            "\ufeff{}", "{\"a\":\u00a01}", "{\"a\":1\u2028}",
            // valid JSON, not an object
            "[]", "[{\"rpc\":\"echo\"}]", "\"s\"", "1", "true", "null", "[1,", "\"unterminated",
    })
    void readsAndRefusesWhatJsonPDoes(String text) {
        assertSameAsParsson(text);
    }

    @Test
    void refusesTheNestingJsonPRefuses() {
        for (int depth = MessageFields.MAX_DEPTH - 3; depth <= MessageFields.MAX_DEPTH + 1; depth++) {
            assertSameAsParsson("[".repeat(depth) + "]".repeat(depth));
            assertSameAsParsson("{\"req\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}");
            assertSameAsParsson("{\"req\":" + "[".repeat(depth - 1) + "1" + "]".repeat(depth - 1) + "}");
            assertSameAsParsson("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            assertSameAsParsson("{\"req\":" + "[{\"a\":".repeat(depth / 2) + "1" + "}]".repeat(depth / 2) + "}");
        }
        // Far deeper than any stack would allow if the scanner recursed, and left unclosed.
        assertSameAsParsson("{\"req\":" + "[".repeat(200_000));
        // The deepest message read: the top-level object and 998 levels inside it.
        assertNotNull(MessageFields.parse("{\"req\":" + "[".repeat(MessageFields.MAX_DEPTH - 2) + "]".repeat(MessageFields.MAX_DEPTH - 2) + "}"));
        assertNull(MessageFields.parse("{\"req\":" + "[".repeat(MessageFields.MAX_DEPTH - 1) + "]".repeat(MessageFields.MAX_DEPTH - 1) + "}"));
    }

    @Test
    void readsTheValuesTheDispatcherUses() {
        MessageFields fields = MessageFields.parse("{\"rpc\":\"echo\",\"uuid\":12,\"req\":{\"x\":[1]},\"fid\":\"f\",\"resp\":null}");
        assertNotNull(fields);
        ClientRequest request = ClientRequest.of(fields);
        assertEquals("echo", request.rpc());
        assertEquals(Jsonp.PROVIDER.createValue(12), request.uuid());
        assertEquals(Jsonp.parse("{\"x\":[1]}"), request.req());
        assertEquals("f", request.string("fid"));
        assertEquals(JsonValue.NULL, request.value("resp"));
        assertNull(request.value("token"));
        assertNull(request.string("req"));
    }

    @Test
    void aRequestIdThatIsNeitherStringNorNumberIsNone() {
        assertNull(ClientRequest.of(MessageFields.parse("{\"rpc\":\"echo\",\"uuid\":{\"a\":1}}")).uuid());
        assertNull(ClientRequest.of(MessageFields.parse("{\"rpc\":\"echo\",\"uuid\":null}")).uuid());
        assertNull(ClientRequest.of(MessageFields.parse("{\"rpc\":\"echo\",\"uuid\":true}")).uuid());
        assertEquals(Jsonp.PROVIDER.createValue("u"), ClientRequest.of(MessageFields.parse("{\"uuid\":\"u\"}")).uuid());
        assertEquals(Jsonp.parse("-1.5e3"), ClientRequest.of(MessageFields.parse("{\"uuid\":-1.5e3}")).uuid());
        assertNull(ClientRequest.of(MessageFields.parse("{\"rpc\":5}")).rpc());
        assertEquals(JsonValue.NULL, ClientRequest.of(MessageFields.parse("{\"rpc\":\"echo\"}")).req());
    }

    /**
     * Every prefix, and every single-character change at every place, of messages that use the whole grammar, against
     * JSON-P: a deterministic corpus of thousands of broken messages.
     */
    @Test
    void agreesWithJsonPOnBrokenMessages() {
        List<String> seeds = List.of(
                "{\"rpc\":\"echo\",\"uuid\":\"a\\u00e9\\n\",\"req\":{\"k\":[1,-2.5e-3,true,false,null,\"s\",{}],\"m\":[]}}",
                "{ \"rpc\" : \"_rpc\" , \"fid\" : \"1\" , \"resp\" : [ 0 , 1E+2 , { \"a\" : \"\\\"\" } ] }");
        char[] replacements = "{}[]\",:\\ 0123456789-+.eEtfnulrsa\u0000\t\n\u00e9\ud800xz".toCharArray();
        List<String> corpus = new ArrayList<>();
        for (String seed : seeds) {
            for (int i = 0; i <= seed.length(); i++) {
                corpus.add(seed.substring(0, i));
                corpus.add(seed.substring(0, i) + seed.substring(Math.min(seed.length(), i + 1)));
                if (i < seed.length()) {
                    for (char c : replacements) {
                        corpus.add(seed.substring(0, i) + c + seed.substring(i + 1));
                    }
                }
            }
        }
        Random random = new Random(12);
        for (int n = 0; n < 3000; n++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            StringBuilder broken = new StringBuilder(seed);
            for (int k = random.nextInt(4); k >= 0; k--) {
                int at = random.nextInt(broken.length());
                switch (random.nextInt(3)) {
                    case 0 -> broken.deleteCharAt(at);
                    case 1 -> broken.insert(at, replacements[random.nextInt(replacements.length)]);
                    default -> broken.setCharAt(at, replacements[random.nextInt(replacements.length)]);
                }
            }
            corpus.add(broken.toString());
        }
        for (String text : corpus) {
            assertSameAsParsson(text);
        }
    }
}
