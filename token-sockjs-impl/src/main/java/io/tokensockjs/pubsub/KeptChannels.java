package io.tokensockjs.pubsub;

import io.tokensockjs.event.HistoryEvent;
import io.tokensockjs.events.HistoryEventImpl;
import io.tokensockjs.events.VetoOutcomes;
import io.tokensockjs.history.ChannelHistory;
import io.tokensockjs.history.Envelope;
import io.tokensockjs.history.HistoryEntry;
import io.tokensockjs.history.HistoryPage;
import io.tokensockjs.history.HistoryRule;
import io.tokensockjs.protocol.ClientRequest;
import io.tokensockjs.protocol.ErrorCode;
import io.tokensockjs.protocol.WireMessages;
import io.tokensockjs.sockjs.SockJsMessage;
import io.tokensockjs.sockjs.frame.JsonStrings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publish/subscribe on the channels that keep history: publishing through the history store (which gives offsets),
 * subscribing with or without {@code since} (a {@link ChannelCursor} per socket and channel), delivering kept
 * messages through the cursors, and {@code _history}. Guarded: history goes only to a socket on the channel (for
 * {@code _history}) or one the subscribe observers let in, after the {@link HistoryEvent} observers, and never more
 * than {@code token-sockjs.history.max-per-request} messages at once.
 */
final class KeptChannels {

    private static final Logger LOG = Logger.getLogger(KeptChannels.class.getName());

    private final ChannelHistory history;
    private final ChannelRegistry registry;
    private final ChannelDelivery delivery;
    private final Executor executor;
    private final Consumer<HistoryEvent> historyEvents;
    private final Map<ChannelMember, Map<String, ChannelCursor>> cursors = new ConcurrentHashMap<>();

    KeptChannels(ChannelHistory history, ChannelRegistry registry, ChannelDelivery delivery, Executor executor,
            Consumer<HistoryEvent> historyEvents) {
        this.history = history;
        this.registry = registry;
        this.delivery = delivery;
        this.executor = executor;
        this.historyEvents = historyEvents;
    }

    Optional<HistoryRule> rule(String channel) {
        return history.rule(channel);
    }

    /** Publishes through the history when the channel keeps one; false when it does not. */
    boolean publish(String channel, String json) {
        Optional<HistoryRule> rule = history.rule(channel);
        if (rule.isEmpty()) {
            return false;
        }
        history.publish(channel, rule.get(), json);
        return true;
    }

    /**
     * A subscription the subscribe observers allowed. With {@code since} the history observers decide too; refused,
     * the socket is subscribed without what it missed. {@code confirm} sends the answer.
     */
    void subscribe(ChannelMember socket, String channel, HistoryRule rule, HistoryRequest asked,
            Consumer<ChannelCursor.Start> confirm) {
        if (asked.since() == null) {
            join(socket, channel, rule, null, null, confirm);
            return;
        }
        HistoryEventImpl event = new HistoryEventImpl(socket, channel, asked.since(), history.maxPerRequest());
        VetoOutcomes.decide(event, historyEvents, "HistoryEvent",
                reason -> join(socket, channel, rule, null, null,
                        start -> confirm.accept(new ChannelCursor.Start(start.epoch(), start.offset(), Boolean.FALSE))),
                () -> join(socket, channel, rule, asked.since(), asked.epoch(), confirm));
    }

    /** The server subscribed the socket itself: its sequence starts with the next message. */
    void subscribedByServer(ChannelMember socket, String channel, HistoryRule rule) {
        replace(socket, channel, cursor(socket, channel, rule));
    }

    private void join(ChannelMember socket, String channel, HistoryRule rule, Long since, String epoch,
            Consumer<ChannelCursor.Start> confirm) {
        if (!socket.isOpen()) {
            return;
        }
        ChannelCursor cursor = cursor(socket, channel, rule);
        // Held before the socket joins: no live message can pass the cursor before it knows where the socket starts.
        cursor.hold();
        replace(socket, channel, cursor);
        registry.add(channel, socket);
        cursor.begin(since, epoch, confirm);
    }

    private ChannelCursor cursor(ChannelMember socket, String channel, HistoryRule rule) {
        return new ChannelCursor(socket, channel, (after, limit) -> history.read(channel, rule, after, limit), delivery,
                executor, history.maxPerRequest());
    }

    private void replace(ChannelMember socket, String channel, ChannelCursor cursor) {
        ChannelCursor previous = cursors.computeIfAbsent(socket, key -> new ConcurrentHashMap<>()).put(channel, cursor);
        if (previous != null) {
            previous.close();
        }
    }

    /** A kept message from the broker, for the sockets of this server on its channel. */
    void deliver(String channel, Envelope envelope) {
        Set<ChannelMember> sockets = registry.sockets(channel);
        if (sockets.isEmpty()) {
            return;
        }
        ChannelDelivery.Outgoing outgoing = delivery.message(channel, envelope.json(), envelope.epoch(), envelope.offset());
        for (ChannelMember socket : sockets) {
            Map<String, ChannelCursor> own = cursors.get(socket);
            ChannelCursor cursor = own == null ? null : own.get(channel);
            if (cursor != null) {
                cursor.live(envelope.epoch(), envelope.offset(), outgoing);
            } else {
                // A channel this server keeps no history of (another server's configuration differs): sent as it is.
                SockJsMessage message = outgoing.forSocket(socket);
                if (message != null) {
                    socket.send(message);
                }
            }
        }
    }

    /** The socket left the channel. */
    void left(ChannelMember socket, String channel) {
        Map<String, ChannelCursor> own = cursors.get(socket);
        if (own != null) {
            ChannelCursor cursor = own.remove(channel);
            if (cursor != null) {
                cursor.close();
            }
        }
    }

    /** The socket closed. */
    void closed(ChannelMember socket) {
        Map<String, ChannelCursor> own = cursors.remove(socket);
        if (own != null) {
            own.values().forEach(ChannelCursor::close);
        }
    }

    /**
     * {@code _history}: {@code {"channel":C,"epoch":E,"offset":TOP,"messages":[{"offset":N,"message":M},...]}}, with
     * {@code "recovered"} (everything after {@code since} in this epoch is still kept) and {@code "more"} (more
     * follow than {@code limit} gave) when the request had {@code since}.
     */
    void history(ChannelMember socket, ClientRequest request, String channel, HistoryRequest asked) {
        Optional<HistoryRule> rule = history.rule(channel);
        if (rule.isEmpty()) {
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.NO_HISTORY));
            return;
        }
        if (!socket.channelSet().contains(channel)) {
            LOG.fine(() -> "socket " + socket.id() + " asked for the history of " + channel + ", which it is not on");
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.FORBIDDEN));
            return;
        }
        int max = history.maxPerRequest();
        int limit = asked.limit() == null ? max : Math.min(asked.limit(), max);
        long since = asked.since() == null ? -1 : asked.since();
        HistoryEventImpl event = new HistoryEventImpl(socket, channel, since, limit);
        VetoOutcomes.decide(event, historyEvents, "HistoryEvent",
                reason -> socket.send(WireMessages.error(request.rpc(), request.uuid(), JsonStrings.quote(reason))),
                () -> executor.execute(() -> answerHistory(socket, request, channel, rule.get(), asked, since, limit)));
    }

    private void answerHistory(ChannelMember socket, ClientRequest request, String channel, HistoryRule rule,
            HistoryRequest asked, long since, int limit) {
        HistoryPage page;
        try {
            page = history.read(channel, rule, since, limit);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "token-sockjs: the history of " + channel + " could not be read: " + e.getMessage());
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.INTERNAL_ERROR));
            return;
        }
        StringBuilder out = new StringBuilder(64 + 64 * page.entries().size());
        out.append("{\"channel\":").append(JsonStrings.quote(channel)).append(",\"epoch\":").append(JsonStrings.quote(page.epoch()))
                .append(",\"offset\":").append(page.top());
        if (asked.since() != null) {
            boolean recovered = !page.lost() && (asked.epoch() == null || asked.epoch().equals(page.epoch()));
            out.append(",\"recovered\":").append(recovered).append(",\"more\":").append(page.more(since));
        }
        out.append(",\"messages\":[");
        boolean first = true;
        for (HistoryEntry entry : page.entries()) {
            String json = delivery.message(channel, entry.json(), null, 0).jsonFor(socket);
            if (json == null) {
                continue;
            }
            out.append(first ? "" : ",").append("{\"offset\":").append(entry.offset()).append(",\"message\":").append(json).append('}');
            first = false;
        }
        out.append("]}");
        socket.send(WireMessages.answer(request.rpc(), request.uuid(), out.toString()));
    }

    /** Every socket with a cursor, for tests of the cleanup. */
    List<ChannelMember> socketsWithCursors() {
        return List.copyOf(cursors.keySet());
    }
}
