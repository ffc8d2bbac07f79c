package io.tokensockjs.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A value read when the scrape is written, not kept up to date on the sockets' path: open sockets by transport,
 * queued bytes, the Redis connection's state (gauges), and counts another part keeps (counters).
 *
 * @param values per combination of label values (in the order of {@code labelNames}), the current value
 */
record GaugeReading(String name, String help, MetricType type, List<String> labelNames,
        Supplier<Map<List<String>, Long>> values) {
}
