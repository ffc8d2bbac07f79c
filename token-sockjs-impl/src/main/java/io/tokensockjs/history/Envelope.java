package io.tokensockjs.history;

/**
 * How a kept message travels from the store to every server: {@code #<epoch> <offset> <json>}. A JSON text never
 * starts with {@code #}, so an envelope cannot be mistaken for a plain message (or a plain one for an envelope),
 * whatever channel it came on.
 *
 * @param epoch  the history's epoch: letters and digits
 * @param offset the message's place in the channel, from 1
 * @param json   the message as published
 */
public record Envelope(String epoch, long offset, String json) {

    private static final char MARK = '#';

    public static String encode(String epoch, long offset, String json) {
        return MARK + epoch + ' ' + offset + ' ' + json;
    }

    public static boolean isEnvelope(String payload) {
        return !payload.isEmpty() && payload.charAt(0) == MARK;
    }

    /** @return null when the payload is no well-formed envelope */
    public static Envelope decode(String payload) {
        if (!isEnvelope(payload)) {
            return null;
        }
        int first = payload.indexOf(' ');
        int second = first < 0 ? -1 : payload.indexOf(' ', first + 1);
        if (first < 2 || second < 0) {
            return null;
        }
        try {
            long offset = Long.parseLong(payload, first + 1, second, 10);
            return offset < 1 ? null : new Envelope(payload.substring(1, first), offset, payload.substring(second + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
