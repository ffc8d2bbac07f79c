package io.tokensockjs.history;

/** One kept message: its offset and its JSON text. */
public record HistoryEntry(long offset, String json) {
}
