package io.tokensockjs.history;

import io.tokensockjs.config.ConfigValues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The channels that keep history, parsed from {@code token-sockjs.history.channels}: comma-separated entries, each a
 * pattern optionally followed by {@code size=N} and {@code ttl=T} (a duration), separated by spaces:
 * {@code chat.* size=500 ttl=10m, news size=50}. The first matching entry wins. One key rather than a key per rule, so
 * that the whole setting fits in one environment variable or server.xml variable.
 */
public final class HistoryRules {

    /** Messages kept when an entry gives no size. */
    public static final int DEFAULT_SIZE = 100;

    private final List<HistoryRule> rules;

    public HistoryRules(List<HistoryRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @throws IllegalArgumentException naming the key and the entry that does not parse */
    public static HistoryRules parse(String key, String value) {
        List<HistoryRule> rules = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return new HistoryRules(rules);
        }
        for (String entry : value.split(",")) {
            String[] words = entry.trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            int size = DEFAULT_SIZE;
            Duration ttl = null;
            for (int i = 1; i < words.length; i++) {
                String word = words[i];
                try {
                    if (word.startsWith("size=")) {
                        size = Integer.parseInt(word.substring(5));
                    } else if (word.startsWith("ttl=")) {
                        ttl = ConfigValues.duration(key, word.substring(4));
                    } else {
                        throw new IllegalArgumentException("unknown setting " + word);
                    }
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("Configuration " + key + ": cannot read the entry '" + entry.trim()
                            + "' (pattern size=N ttl=T): " + e.getMessage(), e);
                }
            }
            try {
                rules.add(new HistoryRule(words[0], size, ttl));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Configuration " + key + ": " + e.getMessage(), e);
            }
        }
        return new HistoryRules(rules);
    }

    /** The rule of a channel, empty when it keeps no history. */
    public Optional<HistoryRule> forChannel(String channel) {
        for (HistoryRule rule : rules) {
            if (rule.matches(channel)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public List<HistoryRule> rules() {
        return rules;
    }
}
