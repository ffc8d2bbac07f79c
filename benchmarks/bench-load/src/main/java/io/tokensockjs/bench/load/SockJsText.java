package io.tokensockjs.bench.load;

import java.util.function.Consumer;

/**
 * The JSON of SockJS frames, by hand: quoting a message into a client frame ({@code ["..."]}) and splitting a
 * server {@code a[...]} frame into its messages. Enough JSON for arrays of strings, and no more.
 */
final class SockJsText {

    private SockJsText() {
    }

    /** The client frame that carries one message: {@code ["<message as a JSON string>"]}. */
    static String frame(String message) {
        StringBuilder out = new StringBuilder(message.length() + 16).append("[\"");
        quoteInto(out, message);
        return out.append("\"]").toString();
    }

    static void quoteInto(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Hands each message of an {@code a[...]} frame (the text after the {@code a}) to {@code sink}. */
    static void messages(String array, int from, Consumer<String> sink) {
        int i = skipSpace(array, from);
        expect(array, i, '[');
        i = skipSpace(array, i + 1);
        if (array.charAt(i) == ']') {
            return;
        }
        StringBuilder message = new StringBuilder();
        while (true) {
            expect(array, i, '"');
            i++;
            message.setLength(0);
            while (true) {
                char c = array.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c != '\\') {
                    message.append(c);
                    continue;
                }
                char escaped = array.charAt(i++);
                switch (escaped) {
                    case 'n' -> message.append('\n');
                    case 'r' -> message.append('\r');
                    case 't' -> message.append('\t');
                    case 'b' -> message.append('\b');
                    case 'f' -> message.append('\f');
                    case 'u' -> {
                        message.append((char) Integer.parseInt(array.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> message.append(escaped);
                }
            }
            sink.accept(message.toString());
            i = skipSpace(array, i);
            if (array.charAt(i) == ']') {
                return;
            }
            expect(array, i, ',');
            i = skipSpace(array, i + 1);
        }
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void expect(String text, int i, char c) {
        if (i >= text.length() || text.charAt(i) != c) {
            throw new IllegalArgumentException("Not a SockJS array frame at " + i + ": " + text);
        }
    }
}
