package io.tokensockjs.pubsub;


import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sockets of this server are on which channel. The broker is subscribed to a channel while at least one
 * local socket is on it: the first to join subscribes it, the last to leave unsubscribes it.
 */
final class ChannelRegistry {

    private final ConcurrentHashMap<String, Set<ChannelMember>> channels = new ConcurrentHashMap<>();
    private final Broker broker;
    private volatile MembershipListener listener = MembershipListener.NONE;

    ChannelRegistry(Broker broker) {
        this.broker = broker;
    }

    void listener(MembershipListener listener) {
        this.listener = listener;
    }

    /** @return false when the socket was on the channel already */
    boolean add(String channel, ChannelMember socket) {
        boolean[] added = {false};
        channels.compute(channel, (name, sockets) -> {
            Set<ChannelMember> members = sockets;
            if (members == null) {
                members = ConcurrentHashMap.newKeySet();
                // Inside compute, so that a concurrent last-leave cannot unsubscribe after this subscribe.
                broker.subscribe(name);
            }
            added[0] = members.add(socket);
            return members;
        });
        if (added[0]) {
            socket.channelSet().add(channel);
            listener.joined(channel, socket);
        }
        return added[0];
    }

    /** @return false when the socket was not on the channel */
    boolean remove(String channel, ChannelMember socket) {
        boolean[] removed = {false};
        socket.channelSet().remove(channel);
        channels.computeIfPresent(channel, (name, members) -> {
            removed[0] = members.remove(socket);
            if (members.isEmpty()) {
                broker.unsubscribe(name);
                return null;
            }
            return members;
        });
        if (removed[0]) {
            listener.left(channel, socket);
        }
        return removed[0];
    }

    Set<ChannelMember> sockets(String channel) {
        Set<ChannelMember> members = channels.get(channel);
        return members == null ? Set.of() : Collections.unmodifiableSet(members);
    }

    Set<String> channels() {
        return Collections.unmodifiableSet(channels.keySet());
    }
}
