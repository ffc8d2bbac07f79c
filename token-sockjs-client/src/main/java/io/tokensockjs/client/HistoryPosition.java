package io.tokensockjs.client;

import java.util.Objects;

/**
 * Where a client is in the history of a channel that keeps one: the epoch of the history and the offset of the last
 * message it has. The server sends both with every message of such a channel; a client that comes back subscribes
 * with its position to get what it missed ({@link TokenSocketClient#subscribe(String, HistoryPosition)}).
 */
public record HistoryPosition(String epoch, long offset) {

    public HistoryPosition {
        Objects.requireNonNull(epoch, "epoch");
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset);
        }
    }
}
