package io.tokensockjs.cluster;

import io.tokensockjs.SocketPresence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The presence of a server alone (no Redis): what it holds in memory. */
final class LocalPresenceStore implements PresenceStore {

    private final String serverId;
    private final Map<String, SocketPresence> sockets = new ConcurrentHashMap<>();
    private final Map<String, Map<String, SocketPresence>> channels = new ConcurrentHashMap<>();

    LocalPresenceStore(String serverId) {
        this.serverId = serverId;
    }

    @Override
    public void socketOpened(SocketPresence socket) {
        sockets.put(socket.socketId(), socket);
    }

    @Override
    public void socketClosed(SocketPresence socket) {
        sockets.remove(socket.socketId());
    }

    @Override
    public void joined(String channel, SocketPresence socket) {
        channels.computeIfAbsent(channel, name -> new ConcurrentHashMap<>()).put(socket.socketId(), socket);
    }

    @Override
    public void left(String channel, SocketPresence socket) {
        channels.computeIfPresent(channel, (name, members) -> {
            members.remove(socket.socketId());
            return members.isEmpty() ? null : members;
        });
    }

    @Override
    public List<SocketPresence> channel(String channel) {
        Map<String, SocketPresence> members = channels.get(channel);
        return members == null ? List.of() : List.copyOf(members.values());
    }

    @Override
    public List<SocketPresence> sockets() {
        return List.copyOf(sockets.values());
    }

    @Override
    public Optional<SocketPresence> socket(String socketId) {
        return Optional.ofNullable(sockets.get(socketId));
    }

    @Override
    public Set<String> liveServers() {
        return Set.of(serverId);
    }

    @Override
    public boolean heartbeat() {
        return false;
    }

    @Override
    public void leave() {
        sockets.clear();
        channels.clear();
    }
}
