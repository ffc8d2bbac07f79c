package io.tokensockjs.history;

/**
 * The Redis keys of a channel's history: its Stream and the hash beside it with the epoch and the last offset.
 *
 * <p>Both keys carry the same hash tag, so a Redis Cluster keeps them in one slot and one script can touch both. With
 * sharded pub/sub the script also {@code SPUBLISH}es on the channel, which Redis allows only when the channel hashes
 * to the script's slot: the tag is then the channel's own hash tag (the part between its first {@code {} and the
 * next {@code }}, when not empty) or, when it has none, the whole channel name. A channel that has no hash tag but
 * contains a {@code }} (or is empty) cannot be wrapped in a tag that hashes like it, and is refused: publishing
 * outside the script would lose the guarantee that offsets go out in order.
 *
 * @param stream the Stream of the entries
 * @param meta   the hash with the epoch and the top offset
 */
record HistoryKeys(String stream, String meta) {

    static final String PREFIX = "token-sockjs:history:";

    /** The keys of a channel as a broker with this delivery needs them. */
    static HistoryKeys of(String channel, Delivery delivery) {
        String stream = delivery == Delivery.SHARDED ? shardedStream(channel) : PREFIX + "{" + channel + "}";
        return new HistoryKeys(stream, stream + ":meta");
    }

    /**
     * The historical name {@code token-sockjs:history:{C}} when it already hashes like the channel (no brace in the
     * channel), otherwise {@code token-sockjs:history:{T}:C} with T the channel's hash tag.
     */
    private static String shardedStream(String channel) {
        String tag = hashTag(channel);
        if (tag != null) {
            return PREFIX + "{" + tag + "}:" + channel;
        }
        if (channel.isEmpty() || channel.indexOf('}') >= 0) {
            throw new IllegalArgumentException("the channel name " + channel + " cannot keep history on a Redis Cluster:"
                    + " it contains a '}' outside a hash tag, so no history key can hash to its slot; give it a hash tag"
                    + " such as {room}");
        }
        return PREFIX + "{" + channel + "}";
    }

    /** The part Redis Cluster hashes, when the name has one: between the first '{' and the next '}', not empty. */
    static String hashTag(String name) {
        int open = name.indexOf('{');
        if (open < 0) {
            return null;
        }
        int close = name.indexOf('}', open + 1);
        return close > open + 1 ? name.substring(open + 1, close) : null;
    }
}
