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
        Outgoing outgoing = message(channel, payload, null, 0);
        int sent = 0;
        int dropped = 0;
        for (S socket : sockets) {
            SockJsMessage message = outgoing.forSocket(socket);
            if (message != null) {
                send.accept(socket, message);
                sent++;
            } else {
                dropped++;
            }
        }
        return new Outcome(sent, dropped);
    }

    /**
     * One message on its way to sockets one by one: a kept message (epoch not null) carries its offset and epoch on the
     * wire.
     */
    Outgoing message(String channel, String payload, String epoch, long offset) {
        return new Outgoing(channel, payload, epoch, offset);
    }

    /** A message of a channel, filtered for each socket; the frame of the unchanged message is built once. */
    final class Outgoing {
        private final String channel;
        private final String payload;
        private final String epoch;
        private final long offset;
        // Made when first needed; a race between two sockets' threads only makes one twice.
        private volatile JsonValue parsed;
        private volatile SockJsMessage unchanged;

        private Outgoing(String channel, String payload, String epoch, long offset) {
            this.channel = channel;
            this.payload = payload;
            this.epoch = epoch;
            this.offset = offset;
        }

        /** The message as this socket gets it, or null when a filter dropped it (or failed). */
        SockJsMessage forSocket(Socket socket) {
            String json = jsonFor(socket);
            if (json == null) {
                return null;
            }
            return json == payload ? unchanged() : frame(json);
        }

        /** The message's JSON text as this socket gets it (the published text itself while unchanged), or null. */
        String jsonFor(Socket socket) {
            if (filters.isEmpty()) {
                return payload;
            }
            JsonValue original = parsed;
            if (original == null) {
                original = Jsonp.parse(payload);
                parsed = original;
            }
            JsonValue filtered = original;
            try {
                for (MessageFilter filter : filters) {
                    filtered = filter.filter(socket, channel, filtered);
                    if (filtered == null) {
                        return null;
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A message filter failed; the message is not sent to socket " + socket.id(), e);
                return null;
            }
            return filtered == original ? payload : filtered.toString();
        }

        private SockJsMessage unchanged() {
            SockJsMessage frame = unchanged;
            if (frame == null) {
                frame = frame(payload);
                unchanged = frame;
            }
            return frame;
        }

        private SockJsMessage frame(String json) {
            return SockJsMessage.of(epoch == null ? WireMessages.channelMessage(channel, json)
                    : WireMessages.channelMessage(channel, json, offset, epoch));
        }
    }
}
