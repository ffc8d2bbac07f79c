package io.tokensockjs.bench.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One run's summary line: {@code RESULT scenario=rpc server=java case=c50w1b64 traffic=browser calls/s=... p50ms=...}. Plain
 * {@code key=value} pairs so that {@link Summary} (and grep) can read them back.
 */
final class Result {

    static final String PREFIX = "RESULT";

    private final Map<String, String> values = new LinkedHashMap<>();

    Result(String scenario, String server, String label, Traffic traffic) {
        values.put("scenario", scenario);
        values.put("server", server);
        values.put("case", label);
        values.put("traffic", traffic.label());
    }

    Result put(String key, long value) {
        values.put(key, Long.toString(value));
        return this;
    }

    Result put(String key, double value, int decimals) {
        values.put(key, String.format(Locale.ROOT, "%." + decimals + "f", value));
        return this;
    }

    Result put(String key, String value) {
        values.put(key, value.replace(' ', '_'));
        return this;
    }

    /** Latency percentiles of a histogram in microseconds, written in milliseconds. */
    Result latencies(org.HdrHistogram.Histogram micros) {
        return put("p50ms", micros.getValueAtPercentile(50) / 1000.0, 2)
                .put("p99ms", micros.getValueAtPercentile(99) / 1000.0, 2)
                .put("maxms", micros.getMaxValue() / 1000.0, 2);
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(PREFIX);
        values.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }
}
