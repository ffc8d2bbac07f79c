package io.tokensockjs.pubsub;

import io.tokensockjs.history.Envelope;
import io.tokensockjs.history.HistoryRule;
import io.tokensockjs.history.MemoryHistoryStore;
import io.tokensockjs.sockjs.SockJsMessage;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The seam between history and live messages, one interleaving at a time: reads run when the test says so (a
 * queue of tasks), live messages arrive when it sends them.
 */
class ChannelCursorTest {

    private static final HistoryRule RULE = new HistoryRule("room", 1000, null);
    private static final Pattern OFFSET = Pattern.compile("\"offset\":(\\d+)");

    private final ArrayDeque<Runnable> reads = new ArrayDeque<>();
    private final List<String> sent = new ArrayList<>();
    /** What the broker would deliver: the envelopes the store publishes, held until the test delivers them. */
    private final ArrayDeque<Envelope> broker = new ArrayDeque<>();
    private final MemoryHistoryStore store = new MemoryHistoryStore((channel, payload) -> broker.add(Envelope.decode(payload)),
            Duration.ofHours(1), System::currentTimeMillis);
    private final ChannelDelivery delivery = new ChannelDelivery(List.of());
    private final ChannelMember socket = (ChannelMember) Proxy.newProxyInstance(ChannelMember.class.getClassLoader(),
            new Class<?>[] {ChannelMember.class}, (proxy, method, args) -> switch (method.getName()) {
                case "id", "toString" -> "s1";
                case "hashCode" -> 1;
                case "equals" -> proxy == args[0];
                case "isOpen" -> true;
                case "send" -> sent.add(((SockJsMessage) args[0]).text());
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private ChannelCursor cursor(int maxPerRead) {
        return new ChannelCursor(socket, "room", (after, limit) -> store.read("room", RULE, after, limit), delivery,
                reads::add, maxPerRead);
    }

    private void publish(int count) {
        for (int i = 0; i < count; i++) {
            store.publish("room", RULE, "{}");
        }
    }

    /** Delivers the next {@code count} published messages live, skipping {@code skip} first (lost on the way). */
    private void deliverLive(ChannelCursor cursor, int skip, int count) {
        for (int i = 0; i < skip; i++) {
            broker.poll();
        }
        for (int i = 0; i < count; i++) {
            Envelope envelope = broker.poll();
            cursor.live(envelope.epoch(), envelope.offset(), delivery.message("room", envelope.json(), envelope.epoch(), envelope.offset()));
        }
    }

    private void runReads() {
        while (!reads.isEmpty()) {
            reads.poll().run();
        }
    }

    private List<Long> sentOffsets() {
        List<Long> offsets = new ArrayList<>();
        for (String text : sent) {
            Matcher matcher = OFFSET.matcher(text);
            if (matcher.find()) {
                offsets.add(Long.parseLong(matcher.group(1)));
            }
        }
        return offsets;
    }

    private String epoch() {
        return store.read("room", RULE, -1, 0).epoch();
    }

    @Test
    void recoversWhatWasMissedAndDropsTheLiveCopiesAtTheSeam() {
        publish(5);
        broker.clear();
        String epoch = epoch();
        ChannelCursor cursor = cursor(1000);
        cursor.hold();
        publish(3);                                 // 6..8: published after the socket joined, before the read
        deliverLive(cursor, 0, 2);                  // 6 and 7 arrive live while the read waits
        AtomicReference<ChannelCursor.Start> start = new AtomicReference<>();
        cursor.begin(2L, epoch, start::set);
        runReads();                                 // reads 3..8
        deliverLive(cursor, 0, 1);                  // 8 arrives live after the read: a duplicate
        publish(2);
        deliverLive(cursor, 0, 2);                  // 9, 10 live
        assertEquals(new ChannelCursor.Start(epoch, 2, true), start.get());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), sentOffsets(), "each once, in order");
    }

    @Test
    void aGapInLiveMessagesIsFilledFromTheHistory() {
        ChannelCursor cursor = cursor(1000);
        publish(6);
        deliverLive(cursor, 0, 1);                  // 1
        deliverLive(cursor, 2, 1);                  // 2 and 3 lost on the way, 4 arrives
        deliverLive(cursor, 0, 1);                  // 5 arrives while the gap is read
        assertEquals(List.of(1L), sentOffsets(), "4 and 5 wait for the gap");
        runReads();
        deliverLive(cursor, 0, 1);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), sentOffsets());
    }

    @Test
    void anotherEpochOrTooMuchMissedIsNotRecovered() {
        publish(20);
        broker.clear();
        AtomicReference<ChannelCursor.Start> start = new AtomicReference<>();
        ChannelCursor other = cursor(1000);
        other.hold();
        other.begin(3L, "an-old-epoch", start::set);
        runReads();
        assertEquals(new ChannelCursor.Start(epoch(), 20, false), start.get(), "starts after the last message");
        ChannelCursor capped = cursor(10);
        capped.hold();
        capped.begin(3L, epoch(), start::set);
        runReads();
        assertEquals(new ChannelCursor.Start(epoch(), 20, false), start.get(), "17 missed, 10 at most per read");
        assertEquals(List.of(), sent);
        publish(1);
        deliverLive(capped, 0, 1);
        assertEquals(List.of(21L), sentOffsets(), "live from there on");
    }

    @Test
    void aPlainSubscriptionStartsAtTheTopAndGivesWhatCameWhileItWasRead() {
        publish(4);
        broker.clear();
        ChannelCursor cursor = cursor(1000);
        cursor.hold();
        publish(1);
        deliverLive(cursor, 0, 1);                  // 5 arrives before the read, which sees top 5
        AtomicReference<ChannelCursor.Start> start = new AtomicReference<>();
        cursor.begin(null, null, start::set);
        runReads();
        assertEquals(new ChannelCursor.Start(epoch(), 4, null), start.get(), "the socket has everything up to 4");
        assertEquals(List.of(5L), sentOffsets());
    }

    @Test
    void aNewEpochStartsTheSequenceAgainAndAClosedCursorSendsNothing() {
        ChannelCursor cursor = cursor(1000);
        cursor.live("e1", 7, delivery.message("room", "{}", "e1", 7));
        cursor.live("e2", 1, delivery.message("room", "{}", "e2", 1));
        cursor.live("e2", 2, delivery.message("room", "{}", "e2", 2));
        assertEquals(List.of(7L, 1L, 2L), sentOffsets());
        cursor.close();
        cursor.live("e2", 3, delivery.message("room", "{}", "e2", 3));
        assertEquals(3, sent.size());
        assertNull(reads.poll());
    }
}
