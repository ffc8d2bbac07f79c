package io.tokensockjs.sockjs.frame;

/**
 * The frames a SockJS server sends, before any transport wraps them; the message frame {@code a[...]} is built by
 * {@code SockJsMessage}, which quotes each message once.
 */
public final class SockJsFrames {

    /** Sent once, first, when a session opens. */
    public static final String OPEN = "o";
    /** Sent when nothing else was sent for the heartbeat delay. */
    public static final String HEARTBEAT = "h";

    private SockJsFrames() {
    }

    /** {@code c[code,"reason"]}. */
    public static String close(int code, String reason) {
        StringBuilder out = new StringBuilder(24 + reason.length());
        out.append("c[").append(code).append(',');
        JsonStrings.appendQuoted(out, reason, false);
        return out.append(']').toString();
    }
}
