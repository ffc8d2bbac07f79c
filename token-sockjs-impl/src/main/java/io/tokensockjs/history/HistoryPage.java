package io.tokensockjs.history;

import java.util.List;

/**
 * What a read of a channel's history found.
 *
 * @param epoch   the history's epoch now (a new one when the history was lost)
 * @param top     the offset of the last message published on the channel, 0 when none
 * @param entries the messages read, oldest first
 * @param lost    messages after the read's {@code after} offset are no longer kept (trimmed, expired), so the
 *                entries do not follow on from it
 */
public record HistoryPage(String epoch, long top, List<HistoryEntry> entries, boolean lost) {

    public HistoryPage {
        entries = List.copyOf(entries);
    }

    /** The offset of the last entry, or {@code otherwise} when there is none. */
    public long lastOffset(long otherwise) {
        return entries.isEmpty() ? otherwise : entries.get(entries.size() - 1).offset();
    }

    /** Whether messages after the last entry exist that this page did not hold (the read's limit). */
    public boolean more(long after) {
        return lastOffset(after) < top;
    }
}
