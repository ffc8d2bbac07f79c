package io.tokensockjs.client;

import jakarta.json.JsonValue;

/**
 * What the client tells the application besides the answers to its requests. Every method has an empty default;
 * implement those you need. Calls come one at a time, in the order of the events, on one of the client's callback
 * threads (never the thread that reads the socket): a listener may block or wait for an answer, but holds up the
 * client's later events while it does. An exception thrown by a listener is logged and otherwise ignored.
 */
public interface ClientListener {

    /** A message published on a channel this client is subscribed to. */
    default void onMessage(String channel, JsonValue message) {
    }

    /** The server confirmed a subscription: the client asked for it, or the server subscribed the socket itself. */
    default void onSubscribed(String channel) {
    }

    /** The server confirmed that the socket left a channel (asked by the client, or done by the server). */
    default void onUnsubscribed(String channel) {
    }

    /**
     * The connection dropped. With reconnection on (and the client not closed), the client now tries again with a
     * fresh token; otherwise it is closed for good and {@link TokenSocketClient#closed()} completes.
     */
    default void onDisconnected(ConnectionClosedException cause) {
    }

    /** A reconnection succeeded: the socket is authenticated again and asks for its channels again. */
    default void onReconnected() {
    }

    /**
     * What the client missed on a channel that keeps history cannot be given back: the history was lost (a new epoch,
     * after a Redis restart without persistence), the messages were trimmed or expired, there were more than one
     * request may recover, or the server refused the history. The subscription itself stands and later messages
     * arrive; the application should reload the channel's state from its source.
     */
    default void onHistoryLost(String channel) {
    }

    /**
     * Something went wrong that answers no request of the caller: an error message from the server that matches no
     * request ({@link ServerErrorException}), a reconnection attempt that failed, a channel the server refused to give
     * back after a reconnection.
     */
    default void onError(TokenSocketException error) {
    }
}
