package io.tokensockjs.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The instruments of one metric name, one per combination of label values. The combinations are bounded: past
 * {@link #MAX_SERIES}, new ones share a single series whose every label is {@value #OVERFLOW}, so no client input can
 * grow the scrape without bound.
 */
public final class Family<T> {

    /** Distinct label combinations one metric may have. */
    public static final int MAX_SERIES = 200;
    /** The label value of the series that takes combinations beyond {@link #MAX_SERIES}. */
    public static final String OVERFLOW = "_other";

    private final String name;
    private final String help;
    private final MetricType type;
    private final List<String> labelNames;
    private final Supplier<T> factory;
    private final Map<List<String>, T> series = new ConcurrentHashMap<>();
    private final List<String> overflowKey;

    Family(String name, String help, MetricType type, List<String> labelNames, Supplier<T> factory) {
        this.name = name;
        this.help = help;
        this.type = type;
        this.labelNames = List.copyOf(labelNames);
        this.factory = factory;
        String[] overflow = new String[labelNames.size()];
        Arrays.fill(overflow, OVERFLOW);
        this.overflowKey = List.of(overflow);
    }

    /** The instrument of these label values, in the order of the label names. */
    public T with(String... labelValues) {
        List<String> key = List.of(labelValues);
        T existing = series.get(key);
        if (existing != null) {
            return existing;
        }
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " has labels " + labelNames);
        }
        if (series.size() >= MAX_SERIES) {
            return series.computeIfAbsent(overflowKey, k -> factory.get());
        }
        return series.computeIfAbsent(key, k -> factory.get());
    }

    String name() {
        return name;
    }

    String help() {
        return help;
    }

    MetricType type() {
        return type;
    }

    List<String> labelNames() {
        return labelNames;
    }

    Map<List<String>, T> series() {
        return Collections.unmodifiableMap(series);
    }
}
