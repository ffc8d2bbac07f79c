package it.io.tokensockjs.redis;

import io.tokensockjs.client.TokenSocketClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one subscriber received of a numbered publish load ({@code {"seq":n}} messages): when each arrived
 * ({@link System#nanoTime()}), for the outage and failover tests to tell the lost messages and when delivery resumed.
 */
final class Receipts {

    private static final long NOT_RECEIVED = Long.MIN_VALUE;

    private final AtomicLongArray at;

    Receipts(int capacity) {
        at = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            at.set(i, NOT_RECEIVED);
        }
    }

    /** A client of the node for the user, subscribed to the channel, whose messages are recorded here. */
    TokenSocketClient subscribe(Node node, String user, String channel) {
        TokenSocketClient client = node.client(user, "user")
                .onMessage((on, message) -> at.compareAndSet(message.asJsonObject().getInt("seq"), NOT_RECEIVED, System.nanoTime()))
                .connect().toCompletableFuture().join();
        client.subscribe(channel).toCompletableFuture().join();
        return client;
    }

    boolean received(int seq) {
        return at.get(seq) != NOT_RECEIVED;
    }

    /** When the first message sent at or after {@code nanos} arrived; -1 if none did. */
    long firstSentAfter(long[] sentAt, int total, long nanos) {
        for (int seq = 0; seq < total; seq++) {
            if (sentAt[seq] >= nanos && received(seq)) {
                return at.get(seq);
            }
        }
        return -1;
    }

    /** The numbers of the messages below {@code total} that did not arrive. */
    List<Integer> lost(int total) {
        List<Integer> lost = new ArrayList<>();
        for (int seq = 0; seq < total; seq++) {
            if (!received(seq)) {
                lost.add(seq);
            }
        }
        return lost;
    }

    /** The lost messages the server answered (took or refused) outside the window. */
    static List<Integer> outside(List<Integer> lost, AtomicLongArray answeredAt, long from, long to) {
        return lost.stream().filter(seq -> answeredAt.get(seq) < from || answeredAt.get(seq) > to).toList();
    }

    /** Waits until both received the last message, then a moment for stragglers published just before it. */
    static void awaitLast(Receipts a, Receipts b, int total) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(a.received(total - 1) && b.received(total - 1)) && System.nanoTime() < deadline) {
            SharedRedis.sleep(50);
        }
        SharedRedis.sleep(500);
    }
}
