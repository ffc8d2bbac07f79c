package io.tokensockjs.history;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which channels keep history and how much: the last {@code size} messages, and of those only the ones younger than
 * {@code ttl} when it is set.
 *
 * @param pattern a channel name, or a glob where {@code *} stands for any characters ({@code chat.*})
 * @param size    messages kept at most (Redis trims approximately: up to one stream node, 100 entries, more)
 * @param ttl     how long a message is kept, or null for as long as it is among the last {@code size}
 */
public record HistoryRule(String pattern, int size, Duration ttl) {

    public HistoryRule {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("A history pattern is empty");
        }
        if (size < 1) {
            throw new IllegalArgumentException("History size of " + pattern + " must be at least 1: " + size);
        }
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("History ttl of " + pattern + " must be positive: " + ttl);
        }
    }

    public boolean matches(String channel) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(channel);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.matches(regex.toString(), channel);
    }

    /** The ttl in milliseconds, 0 for none. */
    long ttlMillis() {
        return ttl == null ? 0 : ttl.toMillis();
    }
}
