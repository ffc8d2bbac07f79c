package io.tokensockjs.sockjs.frame;

import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.SockJsMessage;

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
    public static String messages(Collection<SockJsMessage> messages) {
        if (messages.size() == 1) {
            return messages.iterator().next().frame();
        }
        int size = 3;
        for (SockJsMessage message : messages) {
            size += message.quoted().length() + 1;
        }
        StringBuilder out = new StringBuilder(size);
        out.append("a[");
        boolean first = true;
        for (SockJsMessage message : messages) {
            if (!first) {
                out.append(',');
            }
            out.append(message.quoted());
            first = false;
        }
        return out.append(']').toString();
    }
}
