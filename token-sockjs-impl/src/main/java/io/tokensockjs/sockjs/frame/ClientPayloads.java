package io.tokensockjs.sockjs.frame;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what clients send: a JSON array of strings (HTTP transports, websocket) or a single JSON string
 * (websocket).
 *
 * <p>Written by hand rather than with JSON-P because it runs for every message, accepts only strings (so
 * no nesting, no recursion, nothing to bind) and must keep lone surrogates that a general parser may
 * reject or replace.
 */
public final class ClientPayloads {

    private ClientPayloads() {
    }

    /** Parses {@code ["a","b",...]}; {@code []} gives an empty list. */
    public static List<String> parseArray(String payload) throws BrokenJsonException {
        Reader reader = new Reader(payload);
        reader.skipWhitespace();
        List<String> messages = reader.array();
        reader.skipWhitespace();
        reader.expectEnd();
        return messages;
    }

    /** Parses an array of strings or a single string, as the websocket transport accepts both. */
    public static List<String> parseArrayOrString(String payload) throws BrokenJsonException {
        Reader reader = new Reader(payload);
        reader.skipWhitespace();
        List<String> messages;
        if (reader.peek() == '"') {
            messages = List.of(reader.string());
        } else {
            messages = reader.array();
        }
        reader.skipWhitespace();
        reader.expectEnd();
        return messages;
    }

    private static final class Reader {
        /** Characters an escaped string's builder starts with at most (it grows past them as needed). */
        private static final int INITIAL_UNESCAPED_CAPACITY = 4096;

        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        int peek() {
            return position < text.length() ? text.charAt(position) : -1;
        }

        void skipWhitespace() {
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                position++;
            }
        }

        void expect(char c) throws BrokenJsonException {
            if (peek() != c) {
                throw broken("expected '" + c + "'");
            }
            position++;
        }

        void expectEnd() throws BrokenJsonException {
            if (position != text.length()) {
                throw broken("unexpected data after the JSON value");
            }
        }

        List<String> array() throws BrokenJsonException {
            expect('[');
            List<String> messages = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                position++;
                return messages;
            }
            while (true) {
                skipWhitespace();
                messages.add(string());
                skipWhitespace();
                int c = peek();
                if (c == ',') {
                    position++;
                } else if (c == ']') {
                    position++;
                    return messages;
                } else {
                    throw broken("expected ',' or ']'");
                }
            }
        }

        String string() throws BrokenJsonException {
            expect('"');
            // Locals, not the position field, in the loop that reads every character of every message.
            String source = text;
            int length = source.length();
            int i = position;
            StringBuilder out = null;
            int plainFrom = i;
            while (i < length) {
                char c = source.charAt(i);
                if (c == '"') {
                    String value = out == null
                            ? source.substring(plainFrom, i)
                            : out.append(source, plainFrom, i).toString();
                    position = i + 1;
                    return value;
                }
                if (c < 0x20) {
                    position = i;
                    throw broken("control character in string");
                }
                if (c != '\\') {
                    i++;
                    continue;
                }
                if (out == null) {
                    // Sized for the rest of the payload, up to a bound: a message in a frame has an escaped quote
                    // every few characters, and growing from 16 copied it several times; but a payload of many
                    // escaped strings must not make each string's builder as large as all that follows it.
                    out = new StringBuilder(Math.min(length - plainFrom, INITIAL_UNESCAPED_CAPACITY));
                }
                out.append(source, plainFrom, i);
                i++;
                if (i >= length) {
                    break;
                }
                char escaped = source.charAt(i++);
                switch (escaped) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        position = i;
                        out.append(unicodeEscape());
                        i = position;
                    }
                    default -> {
                        position = i;
                        throw broken("bad escape");
                    }
                }
                plainFrom = i;
            }
            position = i;
            throw broken("unterminated string");
        }

        private char unicodeEscape() throws BrokenJsonException {
            if (position + 4 > text.length()) {
                throw broken("short \\u escape");
            }
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = hexDigit(text.charAt(position + i));
                if (digit < 0) {
                    throw broken("bad \\u escape");
                }
                value = value * 16 + digit;
            }
            position += 4;
            return (char) value;
        }

        // Not Character.digit: it also accepts non-ASCII digits, which JSON does not.
        private static int hexDigit(char c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F') {
                return c - 'A' + 10;
            }
            return -1;
        }

        private BrokenJsonException broken(String what) {
            return new BrokenJsonException(what + " at offset " + position);
        }
    }
}
