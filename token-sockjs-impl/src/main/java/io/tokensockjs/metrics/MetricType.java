package io.tokensockjs.metrics;

/** The Prometheus types the library writes. */
enum MetricType {
    COUNTER, GAUGE, HISTOGRAM;

    String prometheus() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
