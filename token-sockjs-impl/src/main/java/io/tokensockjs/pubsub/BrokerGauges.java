package io.tokensockjs.pubsub;

import io.tokensockjs.metrics.TokenSocketMetrics;

import java.util.List;
import java.util.Map;

/** The Redis connection's metrics, read from the broker when the scrape is written; none without Redis. */
final class BrokerGauges {

    private BrokerGauges() {
    }

    static void register(TokenSocketMetrics metrics, Broker broker) {
        if (!(broker instanceof RedisBroker)) {
            return;
        }
        metrics.gauge("tokensockjs_redis_connected", "1 while the Redis subscriber is connected and subscribed, else 0",
                List.of(), () -> Map.of(List.of(), broker.isHealthy() ? 1L : 0L));
        metrics.registry().counterReading("tokensockjs_redis_reconnects",
                "Times the Redis subscriber got its connection back after losing it", broker::reconnects);
    }
}
