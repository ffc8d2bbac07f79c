package io.tokensockjs.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Prometheus text, byte for byte, and the bound on label combinations. */
class MetricRegistryTest {

    @Test
    void countersWithLabelsAreSortedAndEscaped() {
        MetricRegistry registry = new MetricRegistry();
        Family<Counter> calls = registry.counter("tokensockjs_things", "Things", "name");
        calls.with("b").add(2);
        calls.with("a\"\\\n").increment();
        assertEquals("""
                # HELP tokensockjs_things Things
                # TYPE tokensockjs_things counter
                tokensockjs_things_total{name="a\\"\\\\\\n"} 1
                tokensockjs_things_total{name="b"} 2
                """, registry.prometheusText());
    }

    @Test
    void histogramBucketsAreCumulativeWithSumAndCount() {
        MetricRegistry registry = new MetricRegistry();
        Histogram histogram = registry.histogram("tokensockjs_d_seconds", "D", "f").with("x");
        histogram.recordNanos(400_000);       // 0.4 ms: first bucket
        histogram.recordNanos(1_000_000);     // exactly 1 ms: the 0.001 bucket (bounds are inclusive)
        histogram.recordNanos(20_000_000_000L); // 20 s: only +Inf
        String text = registry.prometheusText();
        assertTrue(text.contains("tokensockjs_d_seconds_bucket{f=\"x\",le=\"0.0005\"} 1\n"), text);
        assertTrue(text.contains("tokensockjs_d_seconds_bucket{f=\"x\",le=\"0.001\"} 2\n"), text);
        assertTrue(text.contains("tokensockjs_d_seconds_bucket{f=\"x\",le=\"10\"} 2\n"), text);
        assertTrue(text.contains("tokensockjs_d_seconds_bucket{f=\"x\",le=\"+Inf\"} 3\n"), text);
        assertTrue(text.contains("tokensockjs_d_seconds_sum{f=\"x\"} 20.0014\n"), text);
        assertTrue(text.contains("tokensockjs_d_seconds_count{f=\"x\"} 3\n"), text);
    }

    @Test
    void labelCombinationsAreBounded() {
        Family<Counter> family = new MetricRegistry().counter("tokensockjs_x", "X", "name");
        for (int i = 0; i < Family.MAX_SERIES; i++) {
            family.with("n" + i).increment();
        }
        Counter overflow = family.with("one-too-many");
        assertSame(overflow, family.with("another"));
        assertSame(overflow, family.with(Family.OVERFLOW));
        assertEquals(Family.MAX_SERIES + 1, family.series().size());
        assertSame(family.with("n7"), family.with("n7"), "existing combinations keep their own series");
    }

    @Test
    void readingsAreWrittenWhenScrapedAndAFailingOneIsLeftOut() {
        MetricRegistry registry = new MetricRegistry();
        registry.gauge("tokensockjs_broken", "Broken", List.of(), () -> {
            throw new IllegalStateException("boom");
        });
        long[] value = {3};
        registry.counterReading("tokensockjs_kept", "Kept", () -> value[0]);
        registry.gauge("tokensockjs_open", "Open", List.of("transport"), () -> Map.of(List.of("websocket"), 4L));
        value[0] = 5;
        assertEquals("""
                # HELP tokensockjs_kept Kept
                # TYPE tokensockjs_kept counter
                tokensockjs_kept_total 5
                # HELP tokensockjs_open Open
                # TYPE tokensockjs_open gauge
                tokensockjs_open{transport="websocket"} 4
                """, registry.prometheusText());
    }

    @Test
    void utf8LengthCountsWhatTheWireCarries() {
        String text = "aü€\ud83d\ude00";
        assertEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, TokenSocketMetrics.utf8Length(text));
    }
}
