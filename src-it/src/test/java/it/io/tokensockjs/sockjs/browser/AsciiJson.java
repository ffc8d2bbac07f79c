package it.io.tokensockjs.sockjs.browser;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.util.List;

/**
 * Strings to and from the test page as ASCII-only JSON. Playwright carries text between the test and the
 * browser as UTF-8, which cannot hold a lone surrogate; escaping every character outside printable ASCII
 * keeps each string exactly as it is.
 */
final class AsciiJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AsciiJson() {
    }

    static String array(List<String> values) {
        StringBuilder out = new StringBuilder();
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, values.get(i));
        }
        return out.append(']').toString();
    }

    static List<String> parseArray(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(value -> ((jakarta.json.JsonString) value).getString());
        }
    }

    /** A string with every character outside printable ASCII shown as {@code \\uXXXX}, for failure messages. */
    static String visible(String value) {
        StringBuilder out = new StringBuilder();
        quote(out, value);
        return out.toString();
    }

    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        out.append('"');
    }
}
