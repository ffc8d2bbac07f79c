package io.tokensockjs.pubsub;

import io.tokensockjs.history.HistoryEntry;
import io.tokensockjs.history.HistoryPage;
import io.tokensockjs.sockjs.SockJsMessage;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one socket has had of one channel that keeps history: the epoch and the offset of the last message it got.
 * Every kept message for the socket passes through here, in the order the broker brings them (offset order), and the
 * cursor makes the socket's sequence whole:
 * <ul>
 *   <li>while history is being read (a subscription with {@code since}, or a gap being filled) live messages wait in
 *       a bounded buffer, and those the history already gave are dropped when it is done: no duplicate at the seam;</li>
 *   <li>a live message whose offset jumps past the next one shows that messages went by unseen (published while the
 *       subscription of a new channel was not yet active in Redis, or while the subscriber reconnected): they are read
 *       from the history and given first: no gap, as far as the history still holds them;</li>
 *   <li>a message of another epoch means the history was lost: the socket's sequence starts again from it.</li>
 * </ul>
 * Reads run on the executor, never on the broker's thread; everything that decides or sends runs under the cursor's
 * lock, so the socket gets one ordered sequence.
 */
final class ChannelCursor {

    private static final Logger LOG = Logger.getLogger(ChannelCursor.class.getName());
    /** Live messages held at most while history is read; beyond, they are dropped and the gap left to a later fill. */
    static final int MAX_BUFFERED = 10_000;

    /** Reads the channel's history: entries after {@code after}, at most {@code limit}. */
    @FunctionalInterface
    interface Reader {
        HistoryPage read(long after, int limit);
    }

    /**
     * How a subscription began: what its answer tells the client.
     *
     * @param epoch     the history's epoch, null when it could not be read
     * @param offset    the offset the client now has: later messages follow on from it
     * @param recovered for a subscription with {@code since}: whether everything after it was given; null otherwise
     */
    record Start(String epoch, long offset, Boolean recovered) {
    }

    private record Live(String epoch, long offset, ChannelDelivery.Outgoing message) {
    }

    private final ChannelMember socket;
    private final String channel;
    private final Reader reader;
    private final ChannelDelivery delivery;
    private final Executor executor;
    private final int maxPerRead;
    private final ArrayDeque<Live> buffer = new ArrayDeque<>();
    // All guarded by this.
    private String epoch;
    private long delivered;
    private boolean reading;
    private boolean overflowed;
    private boolean closed;

    ChannelCursor(ChannelMember socket, String channel, Reader reader, ChannelDelivery delivery, Executor executor,
            int maxPerRead) {
        this.socket = socket;
        this.channel = channel;
        this.reader = reader;
        this.delivery = delivery;
        this.executor = executor;
        this.maxPerRead = maxPerRead;
    }

    /** Holds live messages from now on, until {@link #begin} has read where the socket starts. */
    synchronized void hold() {
        reading = true;
    }

    /**
     * Finds where the socket starts, off this thread: with {@code since} (and the epoch the client had, or null),
     * after the messages it missed if the history still has them all and they are at most the maximum per read;
     * otherwise after the last message published. {@code started} runs first (under the lock: the subscription's
     * answer goes out before any message), then the missed messages and the held live ones are sent.
     */
    void begin(Long since, String clientEpoch, Consumer<Start> started) {
        executor.execute(() -> {
            HistoryPage page = null;
            try {
                page = since == null ? reader.read(-1, 0) : reader.read(since, maxPerRead);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "token-sockjs: the history of " + channel + " could not be read for socket "
                        + socket.id() + ": " + e.getMessage());
                LOG.log(Level.FINE, "history read failed", e);
            }
            begun(page, since, clientEpoch, started);
        });
    }

    private synchronized void begun(HistoryPage page, Long since, String clientEpoch, Consumer<Start> started) {
        reading = false;
        if (closed) {
            return;
        }
        if (page == null) {
            // Unknown: the next message starts the sequence.
            epoch = null;
            started.accept(new Start(null, 0, since == null ? null : Boolean.FALSE));
            drain();
            return;
        }
        boolean recoverable = since != null && page.epoch().equals(clientEpoch) && !page.lost()
                && page.top() - since <= maxPerRead;
        epoch = page.epoch();
        if (recoverable) {
            delivered = Math.min(since, page.top());
            started.accept(new Start(epoch, delivered, Boolean.TRUE));
            for (HistoryEntry entry : page.entries()) {
                sendKept(entry);
            }
        } else {
            delivered = page.top();
            Live first = buffer.peekFirst();
            if (first != null && first.epoch().equals(epoch) && first.offset() <= delivered) {
                // Published after the socket joined but before the read: the socket gets it, live.
                delivered = first.offset() - 1;
            }
            started.accept(new Start(epoch, delivered, since == null ? null : Boolean.FALSE));
        }
        drain();
    }

    /** A kept message for this socket, from the broker. */
    synchronized void live(String messageEpoch, long offset, ChannelDelivery.Outgoing message) {
        if (closed) {
            return;
        }
        if (reading) {
            if (buffer.size() < MAX_BUFFERED) {
                buffer.addLast(new Live(messageEpoch, offset, message));
            } else if (!overflowed) {
                overflowed = true;
                LOG.warning("token-sockjs: socket " + socket.id() + " has " + MAX_BUFFERED + " messages of " + channel
                        + " waiting for a history read; later ones are left to the history");
            }
            return;
        }
        accept(new Live(messageEpoch, offset, message));
    }

    /** Stops: nothing more is sent, a read under way is ignored. */
    synchronized void close() {
        closed = true;
        buffer.clear();
    }

    /** Not reading: sends the message, drops it as already given, or reads the gap before it. */
    private void accept(Live live) {
        if (epoch == null || !epoch.equals(live.epoch())) {
            // The first message of the socket's sequence, or the history was lost and starts again.
            epoch = live.epoch();
            send(live);
            return;
        }
        if (live.offset() <= delivered) {
            return;
        }
        if (live.offset() == delivered + 1) {
            send(live);
            return;
        }
        long missing = live.offset() - 1 - delivered;
        if (missing > maxPerRead) {
            LOG.info(() -> "token-sockjs: socket " + socket.id() + " missed " + missing + " messages of " + channel
                    + ", more than one history read gives; they are skipped");
            send(live);
            return;
        }
        reading = true;
        buffer.addFirst(live);
        long after = delivered;
        String readEpoch = epoch;
        executor.execute(() -> fill(after, live.offset(), readEpoch, (int) missing));
    }

    /** Off the broker's thread: reads the gap, then sends it and what waited. */
    private void fill(long after, long target, String readEpoch, int missing) {
        HistoryPage page = null;
        try {
            page = reader.read(after, missing);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "token-sockjs: the gap before " + target + " on " + channel + " could not be read", e);
        }
        synchronized (this) {
            reading = false;
            if (closed) {
                return;
            }
            if (page != null && page.epoch().equals(readEpoch)) {
                for (HistoryEntry entry : page.entries()) {
                    if (entry.offset() < target) {
                        sendKept(entry);
                    }
                }
            }
            // Whatever the history could not give is skipped: the next live message follows on.
            delivered = Math.max(delivered, target - 1);
            drain();
        }
    }

    /** Sends what waited during a read, until a new gap starts another. */
    private void drain() {
        if (overflowed) {
            overflowed = false;
        }
        while (!reading && !buffer.isEmpty() && !closed) {
            accept(buffer.pollFirst());
        }
    }

    private void sendKept(HistoryEntry entry) {
        if (entry.offset() <= delivered) {
            return;
        }
        delivered = entry.offset();
        SockJsMessage message = deliveryOf(entry);
        if (message != null) {
            socket.send(message);
        }
    }

    private void send(Live live) {
        delivered = live.offset();
        SockJsMessage message = live.message().forSocket(socket);
        if (message != null) {
            socket.send(message);
        }
    }

    private SockJsMessage deliveryOf(HistoryEntry entry) {
        return delivery.message(channel, entry.json(), epoch, entry.offset()).forSocket(socket);
    }
}
