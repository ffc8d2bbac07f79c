package io.tokensockjs.sockjs.frame;

/**
 * How one transport wraps a frame on the wire. Transports never build protocol strings themselves: they
 * pick a format here.
 */
@FunctionalInterface
public interface FrameFormat {

    /** Websocket messages carry the bare frame. */
    FrameFormat BARE = frame -> frame;
    /** {@code xhr} and {@code xhr_streaming}: the frame and a newline. */
    FrameFormat NEWLINE = frame -> frame + "\n";
    /**
     * {@code eventsource}: one server-sent event per frame. sockjs-client passes each event's data through
     * {@code decodeURI}, so {@code %} must go out as {@code %25} (a message holding {@code "100%"} would throw in
     * the client, one holding {@code "%41"} would arrive as {@code "A"}); CR, LF and NUL, which would end or
     * break the event, are encoded too, as sockjs-node does, although JSON-encoded frames never hold them raw.
     */
    FrameFormat EVENT_SOURCE = frame -> "data: " + percentEncodeForEventSource(frame) + "\r\n\r\n";

    /** Wraps one frame. */
    String format(String frame);

    private static String percentEncodeForEventSource(String frame) {
        StringBuilder out = null;
        for (int i = 0; i < frame.length(); i++) {
            String encoded = switch (frame.charAt(i)) {
                case '%' -> "%25";
                case '\r' -> "%0D";
                case '\n' -> "%0A";
                case '\0' -> "%00";
                default -> null;
            };
            if (encoded != null && out == null) {
                out = new StringBuilder(frame.length() + 16).append(frame, 0, i);
            }
            if (out != null) {
                if (encoded != null) {
                    out.append(encoded);
                } else {
                    out.append(frame.charAt(i));
                }
            }
        }
        return out == null ? frame : out.toString();
    }

    /** {@code htmlfile}: a script element that hands the frame, as a JSON string, to {@code p()}. */
    static FrameFormat htmlfile() {
        return frame -> {
            StringBuilder out = new StringBuilder(frame.length() + 40);
            out.append("<script>\np(");
            JsonStrings.appendQuoted(out, frame, true);
            return out.append(");\n</script>\r\n").toString();
        };
    }

    /**
     * {@code jsonp}: a call of the client's callback with the frame as a JSON string. The leading comment stops
     * a callback name from being read as the start of a Flash or UTF-7 payload (Rosetta Flash).
     */
    static FrameFormat jsonp(String callback) {
        return frame -> {
            StringBuilder out = new StringBuilder(frame.length() + callback.length() + 16);
            out.append("/**/").append(callback).append('(');
            JsonStrings.appendQuoted(out, frame, false);
            return out.append(");\r\n").toString();
        };
    }
}
