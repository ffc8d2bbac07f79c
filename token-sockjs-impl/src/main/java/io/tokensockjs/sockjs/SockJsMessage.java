package io.tokensockjs.sockjs;

import io.tokensockjs.sockjs.frame.JsonStrings;

import java.util.Collection;
import java.util.function.ToLongFunction;

/**
 * A message on its way to one or many connections. SockJS frames carry messages as JSON strings; this quotes the
 * text at most once, however many sessions it goes to. One published message fanned out to thousands of sockets
 * was quoted once per socket, and that quoting was a third of the server's CPU in the fan-out benchmark.
 */
public final class SockJsMessage {

    private final String text;
    /** Computed on first use; a race computes the same string twice, harmlessly. */
    private volatile String quoted;
    /** The frame {@code a["..."]} of this message alone, likewise: what most sockets of a fan-out get. */
    private volatile String frame;

    /** The text's size as a metric counts it, likewise: a fan-out counts the bytes of every socket's copy. */
    private volatile long measured = -1;

    private SockJsMessage(String text) {
        this.text = text;
    }

    public static SockJsMessage of(String text) {
        if (text == null) {
            throw new NullPointerException("message");
        }
        return new SockJsMessage(text);
    }

    /** The message as the application wrote it (what a raw websocket sends). */
    public String text() {
        return text;
    }

    /** The message as a JSON string, as it appears inside {@code a[...]}. */
    public String quoted() {
        String value = quoted;
        if (value == null) {
            value = JsonStrings.quote(text);
            quoted = value;
        }
        return value;
    }

    /**
     * The text's size as {@code measure} gives it (its UTF-8 length, for the bytes-sent metric), measured once however
     * many sockets the message goes to. Every caller passes the same function.
     */
    public long measured(ToLongFunction<String> measure) {
        long value = measured;
        if (value < 0) {
            value = measure.applyAsLong(text);
            measured = value;
        }
        return value;
    }

    /** {@code a["<this message>"]}: the frame of a session whose queue held only this message. */
    public String frame() {
        String value = frame;
        if (value == null) {
            // Quoted straight into the frame unless the quoted text exists already: one copy less for an answer
            // that goes to one socket only.
            String quotedText = quoted;
            StringBuilder out = new StringBuilder(text.length() + 16).append("a[");
            if (quotedText != null) {
                out.append(quotedText);
            } else {
                JsonStrings.appendQuoted(out, text, false);
            }
            value = out.append(']').toString();
            frame = value;
        }
        return value;
    }

    /** {@code a["m1","m2",...]}: several queued messages in one frame; a message alone reuses its own frame. */
    public static String frameOf(Collection<SockJsMessage> messages) {
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
