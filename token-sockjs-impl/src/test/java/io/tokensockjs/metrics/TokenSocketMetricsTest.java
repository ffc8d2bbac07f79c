package io.tokensockjs.metrics;

import io.tokensockjs.config.OperationsConfig;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSocketMetricsTest {

    private static TokenSocketMetrics enabled() {
        TokenSocketMetrics metrics = new TokenSocketMetrics();
        metrics.config = new OperationsConfig() {
            @Override
            public boolean metricsEnabled() {
                return true;
            }
        };
        metrics.init();
        return metrics;
    }

    @Test
    void serverCallsAreCountedPerFunctionAndOutcomeAndBeyondTheSeriesLimitInTheOverflowSeries() {
        TokenSocketMetrics metrics = enabled();
        int functions = Family.MAX_SERIES + 50;
        for (int f = 0; f < functions; f++) {
            metrics.serverCall("f" + f, RpcOutcome.OK, 1_000);
        }
        metrics.serverCall("f0", RpcOutcome.OK, 1_000);
        metrics.serverCall("f0", RpcOutcome.ERROR, 1_000);
        metrics.serverCall("f1", RpcOutcome.OK, 1_000);
        metrics.serverCall("f" + (functions - 1), RpcOutcome.OK, 1_000);
        String text = metrics.registry().prometheusText();
        String name = "tokensockjs_rpc_server_duration_seconds_count";
        assertTrue(text.contains(name + "{function=\"f0\",outcome=\"ok\"} 2\n"), text);
        // As Family.with does: a combination that comes once the family holds its maximum of series is counted in
        // the overflow series, even for a function that has a series of its own for another outcome.
        assertFalse(text.contains("outcome=\"error\""), text);
        assertTrue(text.contains(name + "{function=\"f1\",outcome=\"ok\"} 2\n"), text);
        assertTrue(text.contains(name + "{function=\"f199\",outcome=\"ok\"} 1\n"), text);
        // f200 to f249, f249 again, f0's error.
        assertTrue(text.contains(name + "{function=\"_other\",outcome=\"_other\"} 52\n"), text);
    }
}
