package io.tokensockjs.admin;

import io.tokensockjs.pubsub.PubSub;
import io.tokensockjs.server.SocketImpl;
import io.tokensockjs.server.SocketRegistry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sockets of this server, for the admin API (typed as itself only: {@link SocketDirectories} decides which
 * directory the API gets).
 */
@ApplicationScoped
@Typed(LocalSocketDirectory.class)
public class LocalSocketDirectory implements SocketDirectory {

    static final Comparator<SocketView> ORDER = Comparator
            .comparing(SocketView::created, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SocketView::id);

    @Inject
    SocketRegistry sockets;

    @Inject
    PubSub pubSub;

    @Override
    public Page<SocketView> sockets(SocketQuery query) {
        List<SocketView> matching = new ArrayList<>();
        for (SocketImpl socket : sockets.authenticatedSockets()) {
            SocketView view = view(socket);
            if (query.matches(view)) {
                matching.add(view);
            }
        }
        matching.sort(ORDER);
        return Page.of(matching, query.offset(), query.limit(), matching.size(), List.of());
    }

    @Override
    public Optional<SocketView> socket(String id) {
        return Optional.ofNullable(sockets.authenticatedSocket(id)).map(LocalSocketDirectory::view);
    }

    @Override
    public boolean close(String id) {
        SocketImpl socket = sockets.authenticatedSocket(id);
        if (socket == null) {
            return false;
        }
        socket.close();
        return true;
    }

    @Override
    public Page<ChannelView> channels(int offset, int limit) {
        List<ChannelView> all = pubSub.channels().stream().sorted()
                .map(channel -> new ChannelView(channel, pubSub.channelSockets(channel).size()))
                .filter(channel -> channel.subscribers() > 0)
                .toList();
        return Page.of(all, offset, limit, all.size(), List.of());
    }

    @Override
    public void publish(String channel, String payloadJson) {
        pubSub.publish(channel, payloadJson);
    }

    @Override
    public boolean unsubscribe(String socketId, String channel) {
        SocketImpl socket = sockets.authenticatedSocket(socketId);
        if (socket == null || !socket.channels().contains(channel)) {
            return false;
        }
        pubSub.unsubscribe(socket, channel);
        return true;
    }

    private static SocketView view(SocketImpl socket) {
        String auth = socket.authData().toString();
        if (auth.length() > SocketView.MAX_AUTH_SUMMARY) {
            auth = auth.substring(0, SocketView.MAX_AUTH_SUMMARY) + "…";
        }
        Instant created = socket.created();
        return new SocketView(socket.id(), LOCAL, auth, socket.ip(), socket.transport(), socket.channels().stream().sorted().toList(),
                created, socket.queuedChars());
    }
}
