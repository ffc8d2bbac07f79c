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
 * Reads {@link Result} lines back (from the files bench.sh wrote) and prints, per scenario, case and traffic
 * mode, the median of each figure over the runs of each server ({@code liberty-j17}, {@code payara-j17},
 * {@code node}; {@code java} in results written before the runtimes were named) and the ratio of each of this
 * project's servers to the Node baseline ({@code node}): the figures the targets are read from.
 */
final class Summary {

    private static final String BASELINE = "node";

    private Summary() {
    }

    static String of(List<String> files) {
        // scenario, case and traffic -> server -> metric -> values, in the order first seen
        Map<String, Map<String, Map<String, List<Double>>>> runs = new LinkedHashMap<>();
        for (String file : files) {
            for (String line : lines(file)) {
                int at = line.indexOf(Result.PREFIX + " ");
                if (at < 0) {
                    continue;
                }
                Map<String, String> fields = fields(line.substring(at + Result.PREFIX.length() + 1));
                // Lines from before --traffic existed were all batching.
                String key = fields.get("scenario") + " " + fields.get("case") + " "
                        + fields.getOrDefault("traffic", Traffic.BATCHING.label());
                Map<String, List<Double>> metrics = runs.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(fields.get("server"), k -> new LinkedHashMap<>());
                fields.forEach((name, value) -> {
                    Double number = number(value);
                    if (number != null) {
                        metrics.computeIfAbsent(name, k -> new ArrayList<>()).add(number);
                    }
                });
            }
        }
        StringBuilder out = new StringBuilder();
        runs.forEach((key, servers) -> table(out, key, servers));
        return out.toString();
    }

    /** One case: a column of medians per server (the baseline last), then a ratio column per other server. */
    private static void table(StringBuilder out, String key, Map<String, Map<String, List<Double>>> servers) {
        List<String> columns = new ArrayList<>(servers.keySet());
        if (columns.remove(BASELINE)) {
            columns.add(BASELINE);
        }
        List<String> compared = servers.containsKey(BASELINE)
                ? columns.stream().filter(server -> !server.equals(BASELINE)).toList() : List.of();
        StringBuilder runCounts = new StringBuilder();
        columns.forEach(server -> runCounts.append(runCounts.isEmpty() ? "" : ", ").append(server).append(' ')
                .append(runs(servers.get(server))));
        out.append(String.format(Locale.ROOT, "%n%s  (runs: %s; medians)%n", key, runCounts));
        out.append(String.format(Locale.ROOT, "  %-24s", "figure"));
        columns.forEach(server -> out.append(String.format(Locale.ROOT, " %12s", server)));
        compared.forEach(server -> out.append(String.format(Locale.ROOT, " %16s", server + "/" + BASELINE)));
        out.append(System.lineSeparator());
        List<String> names = new ArrayList<>();
        columns.forEach(server -> servers.get(server).keySet().stream()
                .filter(name -> !names.contains(name)).forEach(names::add));
        for (String name : names) {
            out.append(String.format(Locale.ROOT, "  %-24s", name));
            columns.forEach(server -> out.append(String.format(Locale.ROOT, " %12s",
                    format(median(servers.get(server).get(name))))));
            Double baseline = median(servers.getOrDefault(BASELINE, Map.of()).get(name));
            for (String server : compared) {
                Double value = median(servers.get(server).get(name));
                String ratio = value != null && baseline != null && baseline != 0
                        ? String.format(Locale.ROOT, "%.2f", value / baseline) : "";
                out.append(String.format(Locale.ROOT, " %16s", ratio));
            }
            out.append(System.lineSeparator());
        }
    }

    private static Map<String, String> fields(String pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : pairs.split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return fields;
    }

    /** A figure's value; null for the words (scenario, server, traffic, case, why). */
    private static Double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            return null;
        }
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
