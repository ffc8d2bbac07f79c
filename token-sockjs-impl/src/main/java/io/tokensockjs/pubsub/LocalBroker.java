package io.tokensockjs.pubsub;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded default: publish/subscribe within this server, delivered on the publishing thread. */
public final class LocalBroker implements Broker {

    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private volatile Listener listener;

    @Override
    public void start(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void publish(String channel, String payload) {
        Listener current = listener;
        if (current != null && (ReservedChannels.isReserved(channel) || subscribed.contains(channel))) {
            current.onMessage(channel, payload);
        }
    }

    @Override
    public void subscribe(String channel) {
        subscribed.add(channel);
    }

    @Override
    public void unsubscribe(String channel) {
        subscribed.remove(channel);
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public String describe() {
        return "in-memory (this server only)";
    }

    @Override
    public void close() {
        listener = null;
    }
}
