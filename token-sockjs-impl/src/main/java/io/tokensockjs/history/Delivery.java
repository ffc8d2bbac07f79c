package io.tokensockjs.history;

/**
 * How the broker in use receives a channel, and so how the Redis history script must publish a kept message for
 * the broker's subscribers to see it: plain pub/sub ({@code PUBLISH}, one server or a Sentinel-managed primary) or
 * sharded pub/sub ({@code SPUBLISH}, a Redis Cluster, where a plain {@code PUBLISH} never reaches {@code SSUBSCRIBE}
 * subscribers). Given by publish/subscribe, which knows its broker; history knows no broker.
 */
public enum Delivery {

    /** {@code PUBLISH}: keys keep their historical names. */
    PLAIN("PUBLISH"),
    /** {@code SPUBLISH}: keys are named to hash to the channel's own slot ({@link HistoryKeys}). */
    SHARDED("SPUBLISH");

    private final String command;

    Delivery(String command) {
        this.command = command;
    }

    /** The Redis command that publishes on a channel. */
    public String command() {
        return command;
    }
}
