package io.tokensockjs.pubsub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: DOWN while the broker cannot deliver (Redis unreachable, or its subscriber not subscribed). */
@Readiness
@ApplicationScoped
public class PubSubHealth implements HealthCheck {

    @Inject
    PubSub pubSub;

    @Override
    public HealthCheckResponse call() {
        Broker broker = pubSub.broker();
        return HealthCheckResponse.named("token-sockjs-pubsub")
                .status(broker.isHealthy())
                .withData("broker", broker.describe())
                .build();
    }
}
