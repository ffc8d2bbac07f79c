package io.tokensockjs.admin;

import java.util.List;

/**
 * One page of a listing: its items, where it starts, its size limit, how many match in all, and the servers whose part
 * is missing because they did not answer within the cluster timeout (empty when the listing is complete).
 */
public record Page<T>(List<T> items, int offset, int limit, int total, List<String> unanswered) {

    /** A complete page. */
    public Page(List<T> items, int offset, int limit, int total) {
        this(items, offset, limit, total, List.of());
    }

    /** The page at {@code offset} of a whole, ordered listing. */
    static <T> Page<T> of(List<T> all, int offset, int limit, int total, List<String> unanswered) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), offset, limit, total, unanswered);
    }
}
