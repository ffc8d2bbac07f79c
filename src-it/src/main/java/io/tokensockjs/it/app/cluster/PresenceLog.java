package io.tokensockjs.it.app.cluster;

import io.tokensockjs.event.PresenceEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the {@link PresenceEvent}s of this server, per channel. */
@ApplicationScoped
public class PresenceLog {

    private final Map<String, List<String>> events = new ConcurrentHashMap<>();

    void onPresence(@Observes PresenceEvent event) {
        events.computeIfAbsent(event.channel(), channel -> new CopyOnWriteArrayList<>())
                .add((event.joined() ? "join " : "leave ") + event.socket().user());
    }

    List<String> of(String channel) {
        return List.copyOf(events.getOrDefault(channel, List.of()));
    }
}
