package io.tokensockjs.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The library's metrics, and their rendering as Prometheus text (exposition format 0.0.4). */
public final class MetricRegistry {

    private static final Logger LOG = Logger.getLogger(MetricRegistry.class.getName());

    /** The media type of the scrape. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final List<Object> metrics = new CopyOnWriteArrayList<>();

    public Family<Counter> counter(String name, String help, String... labelNames) {
        return add(new Family<>(name, help, MetricType.COUNTER, List.of(labelNames), Counter::new));
    }

    public Family<Histogram> histogram(String name, String help, String... labelNames) {
        return add(new Family<>(name, help, MetricType.HISTOGRAM, List.of(labelNames), Histogram::new));
    }

    /** A gauge read when the scrape is written. */
    public void gauge(String name, String help, List<String> labelNames, Supplier<Map<List<String>, Long>> values) {
        metrics.add(new GaugeReading(name, help, MetricType.GAUGE, List.copyOf(labelNames), values));
    }

    /** A counter without labels that another part keeps, read when the scrape is written. */
    public void counterReading(String name, String help, LongSupplier value) {
        metrics.add(new GaugeReading(name, help, MetricType.COUNTER, List.of(), () -> Map.of(List.of(), value.getAsLong())));
    }

    private <T> Family<T> add(Family<T> family) {
        metrics.add(family);
        return family;
    }

    /** Every metric, in the order they were made, as Prometheus text. */
    public String prometheusText() {
        StringBuilder out = new StringBuilder(4096);
        for (Object metric : metrics) {
            if (metric instanceof Family<?> family) {
                write(out, family);
            } else if (metric instanceof GaugeReading gauge) {
                write(out, gauge);
            }
        }
        return out.toString();
    }

    private static void write(StringBuilder out, Family<?> family) {
        header(out, family.name(), family.help(), family.type().prometheus());
        // Sorted so that a scrape reads the same way twice.
        Map<String, Map.Entry<List<String>, ?>> sorted = new TreeMap<>();
        for (Map.Entry<List<String>, ?> entry : family.series().entrySet()) {
            sorted.put(String.join("\u0000", entry.getKey()), entry);
        }
        for (Map.Entry<List<String>, ?> entry : sorted.values()) {
            String labels = labels(family.labelNames(), entry.getKey(), null, null);
            if (entry.getValue() instanceof Counter counter) {
                sample(out, family.name() + "_total", labels, Long.toString(counter.value()));
            } else if (entry.getValue() instanceof Histogram histogram) {
                long[] counts = histogram.cumulativeCounts();
                for (int i = 0; i < counts.length; i++) {
                    String bound = i < Histogram.BOUNDS_SECONDS.length ? number(Histogram.BOUNDS_SECONDS[i]) : "+Inf";
                    sample(out, family.name() + "_bucket", labels(family.labelNames(), entry.getKey(), "le", bound),
                            Long.toString(counts[i]));
                }
                sample(out, family.name() + "_sum", labels, number(histogram.sumSeconds()));
                sample(out, family.name() + "_count", labels, Long.toString(counts[counts.length - 1]));
            }
        }
    }

    private static void write(StringBuilder out, GaugeReading gauge) {
        Map<List<String>, Long> values;
        try {
            values = gauge.values().get();
        } catch (RuntimeException e) {
            // One failing reading must not cost the operator the whole scrape.
            LOG.log(Level.WARNING, "Reading the gauge " + gauge.name() + " failed", e);
            return;
        }
        header(out, gauge.name(), gauge.help(), gauge.type().prometheus());
        String sampleName = gauge.type() == MetricType.COUNTER ? gauge.name() + "_total" : gauge.name();
        Map<String, Map.Entry<List<String>, Long>> sorted = new TreeMap<>();
        values.entrySet().forEach(entry -> sorted.put(String.join("\u0000", entry.getKey()), entry));
        for (Map.Entry<List<String>, Long> entry : sorted.values()) {
            sample(out, sampleName, labels(gauge.labelNames(), entry.getKey(), null, null), Long.toString(entry.getValue()));
        }
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, String value) {
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }

    private static String labels(List<String> names, List<String> values, String extraName, String extraValue) {
        if (names.isEmpty() && extraName == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(names.get(i)).append("=\"").append(escape(values.get(i))).append('"');
        }
        if (extraName != null) {
            if (!names.isEmpty()) {
                out.append(',');
            }
            out.append(extraName).append("=\"").append(extraValue).append('"');
        }
        return out.append('}').toString();
    }

    /** Label values may come from applications (function names): escaped as the format requires. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double value) {
        // Plain digits (0.0005, not 5.0E-4): what Prometheus's own clients write, and easier to read.
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
