package io.tokensockjs.pubsub;

/**
 * Carries published messages between the server instances that share it: Redis across servers, memory within one.
 * Every method returns at once; subscription changes and messages may take effect a moment later.
 */
public interface Broker {

    /** Receives what arrives on subscribed channels (and on the reserved ones, always subscribed). */
    @FunctionalInterface
    interface Listener {
        void onMessage(String channel, String payload);
    }

    /** Starts delivering to the listener, subscribed to the {@link ReservedChannels}. */
    void start(Listener listener);

    /** Publishes a JSON payload on a channel. */
    void publish(String channel, String payload);

    /** Starts receiving a channel: the first local socket joined it. */
    void subscribe(String channel);

    /** Stops receiving a channel: the last local socket left it. */
    void unsubscribe(String channel);

    /** Times the broker got its connection back after losing it; 0 for one that has none to lose. */
    default long reconnects() {
        return 0;
    }

    /**
     * Whether the broker receives channels with sharded pub/sub ({@code SSUBSCRIBE}), so that what is published on
     * them from elsewhere (the history script) must go out with {@code SPUBLISH}.
     */
    default boolean sharded() {
        return false;
    }

    /** Whether the broker can deliver now (for the readiness check). */
    boolean isHealthy();

    /** A short description for logs and health data. */
    String describe();

    /** Stops delivering and frees connections and threads. */
    void close();
}
