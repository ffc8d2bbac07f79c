package it.io.tokensockjs.sockjs.hostile;

import java.util.ArrayList;
import java.util.List;

/** Reads the frames the server sends: {@code o}, {@code h}, {@code a[...]} and {@code c[code,"reason"]}. */
final class Frames {

    private Frames() {
    }

    /** The messages of an {@code a[...]} frame (strings with the escapes SockJS servers write). */
    static List<String> messages(String frame) {
        if (!frame.startsWith("a[") || !frame.endsWith("]")) {
            throw new AssertionError("not a message frame: " + abbreviate(frame));
        }
        List<String> messages = new ArrayList<>();
        String body = frame.substring(2, frame.length() - 1);
        int i = 0;
        while (i < body.length()) {
            if (body.charAt(i) != '"') {
                throw new AssertionError("bad message frame: " + abbreviate(frame));
            }
            StringBuilder message = new StringBuilder();
            i++;
            while (body.charAt(i) != '"') {
                char c = body.charAt(i++);
                if (c != '\\') {
                    message.append(c);
                    continue;
                }
                char escaped = body.charAt(i++);
                switch (escaped) {
                    case 'u' -> {
                        message.append((char) Integer.parseInt(body.substring(i, i + 4), 16));
                        i += 4;
                    }
                    case 'n' -> message.append('\n');
                    case 'r' -> message.append('\r');
                    case 't' -> message.append('\t');
                    case 'b' -> message.append('\b');
                    case 'f' -> message.append('\f');
                    default -> message.append(escaped);
                }
            }
            messages.add(message.toString());
            i++;
            if (i < body.length() && body.charAt(i) == ',') {
                i++;
            }
        }
        return messages;
    }

    /** A JSON array holding one string of plain characters (no quotes, backslashes or control characters). */
    static String array(String plain) {
        return "[\"" + plain + "\"]";
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...(" + text.length() + " chars)";
    }
}
