package io.tokensockjs.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The SockJS websocket framing as a client sees it: the server sends {@code o}, {@code h}, {@code a[...]} and
 * {@code c[code,"reason"]}; the client sends a JSON array of message strings.
 */
final class SockJsFrames {

    /** A frame the server sent, read. */
    sealed interface Frame permits Open, Heartbeat, Messages, Close {
    }

    record Open() implements Frame {
    }

    record Heartbeat() implements Frame {
    }

    record Messages(List<String> messages) implements Frame {
    }

    record Close(CloseStatus status) implements Frame {
    }

    /** The server broke the framing. */
    static final class FrameException extends Exception {
        private static final long serialVersionUID = 1L;

        FrameException(String message) {
            super(message);
        }
    }

    private SockJsFrames() {
    }

    static Frame parse(String text) throws FrameException {
        if (text.equals("o")) {
            return new Open();
        }
        if (text.equals("h")) {
            return new Heartbeat();
        }
        if (text.startsWith("a[")) {
            List<String> messages = new ArrayList<>();
            for (JsonValue value : array(text)) {
                if (!(value instanceof JsonString string)) {
                    throw new FrameException("a message frame holds a " + value.getValueType() + " instead of a string");
                }
                messages.add(string.getString());
            }
            return new Messages(messages);
        }
        if (text.startsWith("c[")) {
            JsonArray close = array(text);
            if (close.size() != 2 || !(close.get(0) instanceof JsonNumber code) || !code.isIntegral()
                    || !(close.get(1) instanceof JsonString reason)) {
                throw new FrameException("a close frame is not [code,\"reason\"]");
            }
            return new Close(new CloseStatus(code.intValue(), reason.getString()));
        }
        throw new FrameException("not a SockJS frame: " + abbreviate(text));
    }

    private static JsonArray array(String frame) throws FrameException {
        try (JsonReader reader = Jsonp.READERS.createReader(new StringReader(frame.substring(1)))) {
            return reader.readArray();
        } catch (RuntimeException e) {
            // JsonException for bad syntax; Parsson's nesting limit throws a bare RuntimeException.
            throw new FrameException("broken JSON in a frame: " + abbreviate(frame));
        }
    }

    /** The frame the client sends for these messages: {@code ["m1","m2"]}. */
    static String encode(List<String> messages) {
        StringBuilder out = new StringBuilder(16);
        out.append('[');
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, messages.get(i));
        }
        return out.append(']').toString();
    }

    /**
     * Appends a JSON string. Besides what JSON requires, lone surrogates are escaped (they cannot be encoded as UTF-8
     * and would fail the whole websocket message) and so are the characters SockJS clients escape because browsers
     * and proxies mangle them.
     */
    static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || Character.isSurrogate(c) || (c >= 0x200c && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f)
                || (c >= 0x2060 && c <= 0x206f) || c == 0xfeff || c >= 0xfff0;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "... (" + text.length() + " characters)";
    }
}
