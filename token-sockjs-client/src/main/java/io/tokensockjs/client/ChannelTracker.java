package io.tokensockjs.client;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The channels a client is on, as the server confirmed them (never what was merely asked for), and its position in
 * the history of each channel that keeps one. Fed on the thread that reads the socket, in the order of the
 * messages; read from any thread. Listeners hear of changes through the client's ordered event queue.
 */
final class ChannelTracker {

    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Map<String, HistoryPosition> positions = new ConcurrentHashMap<>();
    private final Consumer<Consumer<ClientListener>> fire;

    /** @param fire tells every listener of the client, in the order events happened */
    ChannelTracker(Consumer<Consumer<ClientListener>> fire) {
        this.fire = fire;
    }

    Set<String> channels() {
        return Collections.unmodifiableSet(channels);
    }

    /** The channels held now, to be asked for again after a reconnection. */
    List<String> held() {
        return List.copyOf(channels);
    }

    Optional<HistoryPosition> position(String channel) {
        return Optional.ofNullable(positions.get(channel));
    }

    /** The server confirmed a (un)subscription ({@code data} of its internal message carries the channel). */
    void confirmed(boolean subscribed, JsonObject data) {
        String channel = data.get("channel") instanceof JsonString name ? name.getString() : null;
        if (channel == null) {
            return;
        }
        if (subscribed ? channels.add(channel) : channels.remove(channel)) {
            fire.accept(subscribed ? listener -> listener.onSubscribed(channel) : listener -> listener.onUnsubscribed(channel));
        }
    }

    /** The server refused a channel the client held before a reconnection: it leaves the set. */
    boolean refused(String channel) {
        if (channels.remove(channel)) {
            fire.accept(listener -> listener.onUnsubscribed(channel));
            return true;
        }
        return false;
    }

    /**
     * Keeps the position of channels that keep history, from their messages and from the answers to
     * {@code _subscribe}; a lost history (the server says so, or the epoch changed) is told to the listeners.
     */
    void track(JsonObject message) {
        if (message.get("channel") instanceof JsonString channel && message.get("epoch") instanceof JsonString epoch
                && message.get("offset") instanceof JsonNumber offset && message.get("uuid") == null) {
            moved(channel.getString(), epoch.getString(), offset.longValue(), null);
        } else if (message.get("rpc") instanceof JsonString rpc && rpc.getString().equals("_subscribe")
                && message.get("resp") instanceof JsonObject resp
                && resp.get("channel") instanceof JsonString channel && resp.get("epoch") instanceof JsonString epoch
                && resp.get("offset") instanceof JsonNumber offset) {
            moved(channel.getString(), epoch.getString(), offset.longValue(), resp.get("recovered"));
        }
    }

    private void moved(String channel, String epoch, long offset, JsonValue recovered) {
        HistoryPosition before = positions.put(channel, new HistoryPosition(epoch, Math.max(0, offset)));
        boolean lost = recovered == JsonValue.FALSE
                || (recovered == null && before != null && !before.epoch().equals(epoch));
        if (lost) {
            fire.accept(listener -> listener.onHistoryLost(channel));
        }
    }
}
