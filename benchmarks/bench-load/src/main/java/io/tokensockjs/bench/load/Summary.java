package io.tokensockjs.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@link Result} lines back (from the files bench.sh wrote) and prints, per scenario, case and traffic, the
 * median of each figure over the runs of each server and the ratio of this project's server ({@code java}) to the
 * Node baseline ({@code node}): the figures the targets are read from.
 */
final class Summary {

    private Summary() {
    }

    static String of(List<String> files) {
        // case -> server -> metric -> values, in the order first seen
        Map<String, Map<String, Map<String, List<Double>>>> runs = new LinkedHashMap<>();
        for (String file : files) {
            for (String line : lines(file)) {
                if (!line.startsWith(Result.PREFIX + " ")) {
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (String pair : line.substring(Result.PREFIX.length() + 1).split(" ")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                // Lines from before --traffic existed were all batching.
                String key = fields.get("scenario") + " " + fields.get("case") + " "
                        + fields.getOrDefault("traffic", Traffic.BATCHING.label());
                Map<String, List<Double>> metrics = runs.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(fields.get("server"), k -> new LinkedHashMap<>());
                fields.forEach((name, value) -> {
                    if (name.equals("scenario") || name.equals("server") || name.equals("case") || name.equals("traffic")) {
                        return;
                    }
                    try {
                        metrics.computeIfAbsent(name, k -> new ArrayList<>()).add(Double.parseDouble(value));
                    } catch (NumberFormatException notANumber) {
                        // scenario, server, case, why
                    }
                });
            }
        }
        StringBuilder out = new StringBuilder();
        runs.forEach((key, servers) -> {
            Map<String, List<Double>> java = servers.getOrDefault("java", Map.of());
            Map<String, List<Double>> node = servers.getOrDefault("node", Map.of());
            out.append(String.format(Locale.ROOT, "%n%s  (runs: java %d, node %d; medians)%n", key,
                    runs(java), runs(node)));
            out.append(String.format(Locale.ROOT, "  %-24s %14s %14s %10s%n", "figure", "java", "node", "java/node"));
            List<String> names = new ArrayList<>(java.keySet());
            node.keySet().stream().filter(name -> !names.contains(name)).forEach(names::add);
            for (String name : names) {
                Double j = median(java.get(name));
                Double n = median(node.get(name));
                String ratio = j != null && n != null && n != 0 ? String.format(Locale.ROOT, "%.2f", j / n) : "";
                out.append(String.format(Locale.ROOT, "  %-24s %14s %14s %10s%n", name, format(j), format(n), ratio));
            }
        });
        return out.toString();
    }

    private static int runs(Map<String, List<Double>> metrics) {
        return metrics.values().stream().mapToInt(List::size).max().orElse(0);
    }

    static Double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String format(Double value) {
        if (value == null) {
            return "-";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
