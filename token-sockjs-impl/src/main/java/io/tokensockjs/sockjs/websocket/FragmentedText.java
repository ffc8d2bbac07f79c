package io.tokensockjs.sockjs.websocket;

/**
 * Joins the parts of one websocket text message and counts its size in UTF-8 bytes as they arrive, so that a
 * message over the service's limit is refused before it is whole.
 *
 * <p>Why the container's own limit is not enough: Liberty compares {@code setMaxTextMessageBufferSize} with each
 * frame, not with the message, and buffers every fragment of a fragmented message until the last. A client that
 * sends a message in small frames would pass any limit and fill the heap. Not thread-safe: the container
 * delivers one connection's messages one at a time.
 */
final class FragmentedText {

    private final long maxBytes;
    private final StringBuilder parts = new StringBuilder();
    private long bytes;
    private boolean tooBig;

    FragmentedText(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Takes the next part of the current message.
     *
     * @return the whole message when {@code last} is true and it fits; null when more parts are to come, or
     *         when the message is over the limit (see {@link #tooBig()}: every later part is then dropped)
     */
    String add(String part, boolean last) {
        if (tooBig) {
            return null;
        }
        if (last && bytes == 0 && part.length() <= maxBytes / 3) {
            // A message in one frame (what browsers send) that fits even at 3 bytes per UTF-16 unit (a surrogate
            // pair is 4 bytes for 2 units): no need to count it character by character.
            return part;
        }
        bytes += utf8Length(part);
        if (bytes > maxBytes) {
            tooBig = true;
            parts.setLength(0);
            parts.trimToSize();
            return null;
        }
        if (!last) {
            parts.append(part);
            return null;
        }
        String message = parts.isEmpty() ? part : parts.append(part).toString();
        parts.setLength(0);
        bytes = 0;
        return message;
    }

    /** Whether a message went over the limit; the connection is then to be closed. */
    boolean tooBig() {
        return tooBig;
    }

    /** The UTF-8 length of a string, as the client sent it; a lone surrogate counts as the 3 bytes it was. */
    static long utf8Length(CharSequence text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
