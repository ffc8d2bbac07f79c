package io.tokensockjs.pubsub;

import io.tokensockjs.MessageFilter;
import io.tokensockjs.Socket;
import io.tokensockjs.json.Jsonp;
import io.tokensockjs.protocol.WireMessages;
import io.tokensockjs.sockjs.SockJsMessage;

import jakarta.json.JsonValue;

import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns one message of a channel into the frame each subscribed socket gets, through the application's filters in
 * order. The frame is built once for every socket whose filters leave the message as it is; only a socket whose
 * filters rewrite it costs a serialisation of its own (one delivery may go to thousands of sockets, on the
 * broker's one subscriber thread).
 */
final class ChannelDelivery {

    private static final Logger LOG = Logger.getLogger(ChannelDelivery.class.getName());

    /** What one delivery did: sockets that got the message, and sockets whose filters dropped it (or failed). */
    record Outcome(int sent, int dropped) {
        static final Outcome NONE = new Outcome(0, 0);
    }

    private final List<MessageFilter> filters;

    ChannelDelivery(List<MessageFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    /**
     * Calls {@code send} for each socket that gets the message, with its message (one instance while unchanged).
     *
     * @return how many sockets got it, and how many the filters kept it from
     */
    <S extends Socket> Outcome deliver(String channel, String payload, Collection<S> sockets, BiConsumer<S, SockJsMessage> send) {
        if (sockets.isEmpty()) {
            return Outcome.NONE;
        }
        int sent = 0;
        int dropped = 0;
        SockJsMessage unchanged = null;
        if (filters.isEmpty()) {
            unchanged = SockJsMessage.of(WireMessages.channelMessage(channel, payload));
            for (S socket : sockets) {
                send.accept(socket, unchanged);
                sent++;
            }
            return new Outcome(sent, 0);
        }
        JsonValue parsed = Jsonp.parse(payload);
        for (S socket : sockets) {
            JsonValue filtered = parsed;
            try {
                for (MessageFilter filter : filters) {
                    filtered = filter.filter(socket, channel, filtered);
                    if (filtered == null) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A message filter failed; the message is not sent to socket " + socket.id(), e);
                filtered = null;
            }
            if (filtered == parsed) {
                if (unchanged == null) {
                    unchanged = SockJsMessage.of(WireMessages.channelMessage(channel, payload));
                }
                send.accept(socket, unchanged);
                sent++;
            } else if (filtered != null) {
                send.accept(socket, SockJsMessage.of(WireMessages.channelMessage(channel, filtered.toString())));
                sent++;
            } else {
                dropped++;
            }
        }
        return new Outcome(sent, dropped);
    }
}
