package io.tokensockjs.history;

/**
 * Keeps the history of the channels that have a rule, and publishes their messages: the offset is given in the same
 * atomic step as the publication, so that every server receives a channel's messages in offset order.
 */
public interface HistoryStore {

    /** Where a store hands what it publishes: the broker, for the memory store. */
    @FunctionalInterface
    interface Publisher {
        void publish(String channel, String payload);
    }

    /**
     * Keeps the message, gives it the next offset and publishes its {@link Envelope} on the channel.
     *
     * @throws IllegalStateException when the store could not take it (Redis unreachable)
     */
    void publish(String channel, HistoryRule rule, String json);

    /**
     * Reads a channel's history.
     *
     * @param after the last offset the reader has: entries after it are read, oldest first; negative for the latest
     *              {@code limit} entries
     * @param limit entries read at most; 0 reads only the epoch and the top offset
     * @throws IllegalStateException when the store could not be read
     */
    HistoryPage read(String channel, HistoryRule rule, long after, int limit);

    /** A short description for logs. */
    String describe();
}
