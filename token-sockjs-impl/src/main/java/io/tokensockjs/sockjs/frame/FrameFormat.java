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
    /** {@code eventsource}: one server-sent event per frame. */
    FrameFormat EVENT_SOURCE = frame -> "data: " + frame + "\r\n\r\n";

    /** Wraps one frame. */
    String format(String frame);

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
