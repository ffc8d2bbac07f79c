package io.tokensockjs.server;

import io.tokensockjs.SocketPresence;
import io.tokensockjs.cluster.Cluster;
import io.tokensockjs.cluster.PresenceStore;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.event.PresenceEvent;
import io.tokensockjs.event.PresenceRequestEvent;
import io.tokensockjs.events.PresenceRequestEventImpl;
import io.tokensockjs.events.VetoOutcomes;
import io.tokensockjs.json.Jsonp;
import io.tokensockjs.protocol.ClientRequest;
import io.tokensockjs.protocol.ErrorCode;
import io.tokensockjs.protocol.WireMessages;
import io.tokensockjs.pubsub.ChannelMember;
import io.tokensockjs.pubsub.MembershipListener;
import io.tokensockjs.pubsub.PubSub;
import io.tokensockjs.sockjs.frame.JsonStrings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the cluster's presence true for this server's sockets: each authenticated socket and each channel
 * membership is written to the {@link PresenceStore} when it begins and removed when it ends, whatever caused it.
 * Each change fires a {@link PresenceEvent} here, and on channels matching {@code token-sockjs.presence.messages} is
 * told to every server, which sends the channel's local subscribers
 * {@code {"internal":true,"command":"presence","data":{"channel":C,"event":"join"|"leave","user":U}}} (the original
 * browser client ignores internal commands it does not know). Answers the clients' {@code _presence}.
 */
@ApplicationScoped
public class PresenceTracker implements MembershipListener {

    private static final Logger LOG = Logger.getLogger(PresenceTracker.class.getName());
    /** At most one WARNING a minute while the store cannot be written. */
    private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;
    static final String MESSAGE_OP = "presence-message";

    @Inject
    Cluster cluster;

    @Inject
    PubSub pubSub;

    @Inject
    SocketRegistry sockets;

    @Inject
    TokenSockJsConfig config;

    @Inject
    Event<PresenceEvent> presenceEvents;

    @Inject
    Event<PresenceRequestEvent> requestEvents;

    private ChannelPatterns messageChannels;
    private final AtomicLong lastWarning = new AtomicLong();

    @PostConstruct
    void init() {
        messageChannels = new ChannelPatterns(config.presenceMessages());
        pubSub.onMembership(this);
        cluster.onForgotten(this::rewrite);
        cluster.bus().handle(MESSAGE_OP, data -> {
            deliverMessage(data);
            return CompletableFuture.completedFuture(JsonValue.TRUE);
        });
    }

    /** Starts with the application, so that this server hears presence messages before its first socket. */
    void applicationStarted(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.fine(() -> "presence tracking started on server " + cluster.serverId());
    }

    SocketPresence presenceOf(ChannelMember socket) {
        return new SocketPresence(socket.id(), socket.user(), cluster.serverId());
    }

    void opened(SocketImpl socket) {
        SocketPresence presence = presenceOf(socket);
        write(() -> cluster.presence().socketOpened(presence));
        if (socket.state() == SocketImpl.State.CLOSED) {
            // It closed while its entry was being written, and closed() may have run first: no ghost stays.
            write(() -> cluster.presence().socketClosed(presence));
        }
    }

    void closed(SocketImpl socket) {
        write(() -> cluster.presence().socketClosed(presenceOf(socket)));
    }

    @Override
    public void joined(String channel, ChannelMember socket) {
        changed(channel, socket, true);
    }

    @Override
    public void left(String channel, ChannelMember socket) {
        changed(channel, socket, false);
    }

    private void changed(String channel, ChannelMember socket, boolean joined) {
        SocketPresence presence = presenceOf(socket);
        write(() -> {
            if (joined) {
                cluster.presence().joined(channel, presence);
            } else {
                cluster.presence().left(channel, presence);
            }
        });
        if (joined && !socket.channelSet().contains(channel)) {
            // It left (or closed) while the join was being written: the leave's write may have come first.
            write(() -> cluster.presence().left(channel, presence));
        }
        try {
            presenceEvents.fire(new PresenceEvent(channel, presence, joined));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of PresenceEvent failed", e);
        }
        if (messageChannels.matches(channel)) {
            var data = Jsonp.PROVIDER.createObjectBuilder().add("channel", channel).add("event", joined ? "join" : "leave");
            data.add("user", presence.user() == null ? JsonValue.NULL : Jsonp.PROVIDER.createValue(presence.user()));
            write(() -> cluster.bus().tellAll(MESSAGE_OP, data.build()));
        }
    }

    /** On each server: a presence message for the local subscribers of its channel. */
    private void deliverMessage(JsonValue data) {
        if (data instanceof JsonObject object && object.get("channel") instanceof JsonString channel) {
            String message = WireMessages.internal("presence", object.toString());
            for (var socket : pubSub.channelSockets(channel.getString())) {
                if (socket instanceof ChannelMember member) {
                    member.send(message);
                }
            }
        }
    }

    /** This server was taken for dead and its entries removed: writes them again. */
    private void rewrite() {
        int count = 0;
        for (SocketImpl socket : List.copyOf(sockets.authenticatedSockets())) {
            SocketPresence presence = presenceOf(socket);
            cluster.presence().socketOpened(presence);
            for (String channel : List.copyOf(socket.channelSet())) {
                cluster.presence().joined(channel, presence);
            }
            count++;
        }
        int written = count;
        LOG.warning(() -> "token-sockjs: this server (" + cluster.serverId() + ") had been taken for dead; the presence of its "
                + written + " sockets was written again");
    }

    /** {@code _presence}: who is on a channel the socket is on, as distinct users and a count of sockets. */
    void request(SocketImpl socket, ClientRequest request) {
        String channel = request.req() instanceof JsonObject req && req.get("channel") instanceof JsonString name
                ? name.getString() : null;
        if (channel == null) {
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.INVALID_REQUEST));
            return;
        }
        if (!socket.channelSet().contains(channel)) {
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.FORBIDDEN));
            return;
        }
        VetoOutcomes.decide(new PresenceRequestEventImpl(socket, channel), requestEvents::fire, request.rpc(),
                reason -> socket.send(WireMessages.error(request.rpc(), request.uuid(), JsonStrings.quote(reason))),
                () -> {
                    List<SocketPresence> members;
                    try {
                        members = cluster.presence().channel(channel);
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "presence of " + channel + " could not be read", e);
                        socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.INTERNAL_ERROR));
                        return;
                    }
                    JsonArrayBuilder users = Jsonp.PROVIDER.createArrayBuilder();
                    members.stream().map(SocketPresence::user).filter(Objects::nonNull)
                            .collect(java.util.stream.Collectors.toCollection(TreeSet::new)).forEach(users::add);
                    JsonObject answer = Jsonp.PROVIDER.createObjectBuilder().add("channel", channel)
                            .add("users", users).add("sockets", members.size()).build();
                    socket.send(WireMessages.answer(request.rpc(), request.uuid(), answer.toString()));
                });
    }

    /** A write to the store; a failure is logged (at WARNING once a minute), never thrown at the socket. */
    private void write(Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            long last = lastWarning.get();
            if ((last == 0 || now - last > WARNING_INTERVAL_NANOS) && lastWarning.compareAndSet(last, now)) {
                LOG.warning("token-sockjs: presence could not be written (" + e.getMessage() + "); it is incomplete until "
                        + "the store is back");
            }
            LOG.log(Level.FINE, "presence write failed", e);
        }
    }
}
