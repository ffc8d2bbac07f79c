package io.tokensockjs.bench.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code --name value} options; every option read is remembered so that misspelt ones are refused. */
final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> read = new TreeSet<>();

    Args(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("Expected --name value, got " + name);
            }
            values.put(name.substring(2), args.get(++i));
        }
    }

    String text(String name, String otherwise) {
        read.add(name);
        return values.getOrDefault(name, otherwise);
    }

    int integer(String name, int otherwise) {
        return Integer.parseInt(text(name, Integer.toString(otherwise)));
    }

    double decimal(String name, double otherwise) {
        return Double.parseDouble(text(name, Double.toString(otherwise)));
    }

    /** Refuses options no scenario read: a typo would otherwise run a benchmark with the default silently. */
    void checkAllRead() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown options " + unknown + "; known: " + read);
        }
    }
}
