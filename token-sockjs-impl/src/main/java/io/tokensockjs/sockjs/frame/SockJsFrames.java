package io.tokensockjs.sockjs.frame;

import io.tokensockjs.sockjs.CloseStatus;

import java.util.Collection;

/** The four frames a SockJS server sends, before any transport wraps them. */
public final class SockJsFrames {

    /** Sent once, first, when a session opens. */
    public static final String OPEN = "o";
    /** Sent when nothing else was sent for the heartbeat delay. */
    public static final String HEARTBEAT = "h";

    private SockJsFrames() {
    }

    /** {@code c[code,"reason"]}. */
    public static String close(CloseStatus status) {
        StringBuilder out = new StringBuilder(24 + status.reason().length());
        out.append("c[").append(status.code()).append(',');
        JsonStrings.appendQuoted(out, status.reason(), false);
        return out.append(']').toString();
    }

    /** {@code a["m1","m2",...]}: several queued messages in one frame. */
    public static String messages(Collection<String> messages) {
        int size = 4;
        for (String message : messages) {
            size += message.length() + 3;
        }
        StringBuilder out = new StringBuilder(size);
        out.append("a[");
        boolean first = true;
        for (String message : messages) {
            if (!first) {
                out.append(',');
            }
            JsonStrings.appendQuoted(out, message, false);
            first = false;
        }
        return out.append(']').toString();
    }
}
