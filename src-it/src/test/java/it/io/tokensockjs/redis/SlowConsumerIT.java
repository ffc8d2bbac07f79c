package it.io.tokensockjs.redis;

import io.tokensockjs.client.TokenSocketClient;
import it.io.tokensockjs.runtime.ServerRuntime;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One socket on a channel stops reading while a hundred others on the same channel and server keep up: the
 * messages come from the other server through Redis, so the receiving server's Redis subscriber thread delivers
 * each to all 101 sockets. The stalled one must not hold up the others, and the {@code max-queued-bytes} policy
 * (1 MiB on these servers) must close it.
 *
 * <p>On Payara Micro the close is not reached within this test's volume (1000 messages, 8 MiB): its HTTP layer
 * (Grizzly) reports a websocket connection ready for writes until its own write queue for that connection holds
 * four times the connection's write buffer, besides the kernel's send buffer, so the library's queue starts
 * filling only after several MiB more than on Liberty. The test then reports that and checks the rest: nobody
 * else is closed, the crowd gets every message in order, and its worst delay stays under half the stall (the whole
 * publishing time there); {@code NonReadingClientIT}, with 60 KB messages, shows the bound closing sockets on Payara.
 */
public class SlowConsumerIT {

    static final String CHANNEL = "firehose";
    static final int CROWD = 100;
    /**
     * Messages per second from the publisher, and the size of each: about 200 KB/s to every socket, 20 MB/s to the
     * crowd, which a busy two-core machine keeps up with. The stalled socket takes megabytes before its queue even
     * starts to fill (the server's send buffer grows to several), so it holds on for seconds.
     */
    static final int RATE = 25;
    static final int PAD = 8 * 1024;
    /** Messages at most: far more than the stalled socket's buffers and queue take. */
    static final int MAX_MESSAGES = 1000;
    static final int CONNECT_BATCH = 10;
    static final int CLIENTS_PER_HTTP = 10;
    /** Messages still published after the stalled socket was closed. */
    static final int AFTER_CLOSE = 50;

    private static final Pattern QUEUE_FULL = Pattern.compile("SockJS session \\S+ \\(/sockets\\): client does not read");

    /** What one of the crowd received: how many, whether in order, and the worst delay. */
    private static final class Receiver {
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        final AtomicLong worstNanos = new AtomicLong();
    }

    @Test
    void aSocketThatStopsReadingDelaysNobodyAndIsClosed() throws Exception {
        SharedRedis.start();
        ServerLog log = ServerLog.mark(Node.A);
        long[] sentAt = new long[MAX_MESSAGES];
        // Delays of the messages published while the stalled socket was open, and of those after it was closed.
        List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> delaysAfter = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger stalledUntil = new AtomicInteger(Integer.MAX_VALUE);
        HttpClient crowdSession = Node.A.loggedIn("crowd", "user");
        List<TokenSocketClient> crowd = new ArrayList<>();
        Receiver[] receivers = new Receiver[CROWD];
        try {
            // In batches: a hundred token requests at once on a busy machine outlive the test application's 3 s tokens.
            List<CompletableFuture<TokenSocketClient>> connecting = new ArrayList<>();
            HttpClient http = crowdSession;
            for (int i = 0; i < CROWD; i++) {
                if (i % CONNECT_BATCH == 0) {
                    connecting.forEach(CompletableFuture::join);
                }
                Receiver receiver = receivers[i] = new Receiver();
                if (i % CLIENTS_PER_HTTP == 0) {
                    http = Node.sameSession(crowdSession);
                }
                connecting.add(Node.A.client(http).onMessage((channel, message) -> {
                    long now = System.nanoTime();
                    int seq = message.asJsonObject().getInt("seq");
                    if (seq != receiver.next.getAndSet(seq + 1)) {
                        receiver.outOfOrder.incrementAndGet();
                    }
                    long delay = now - sentAt[seq];
                    receiver.worstNanos.accumulateAndGet(delay, Math::max);
                    (seq < stalledUntil.get() ? delays : delaysAfter).add(delay);
                    receiver.count.incrementAndGet();
                }).connect().toCompletableFuture());
            }
            for (CompletableFuture<TokenSocketClient> client : connecting) {
                crowd.add(client.join());
            }
            CompletableFuture.allOf(crowd.stream().map(c -> c.subscribe(CHANNEL).toCompletableFuture())
                    .toArray(CompletableFuture[]::new)).join();

            String token = Node.A.client(crowdSession).requestToken().toCompletableFuture().join();
            try (StalledSocket stalled = StalledSocket.subscribe(Node.A, token, CHANNEL);
                    TokenSocketClient publisher = Node.B.client("publisher", "user").connect().toCompletableFuture().join()) {
                TokenSocketClient observer = crowd.get(0);
                awaitSockets(observer, CROWD + 1);
                SharedRedis.awaitSubscribers(CHANNEL, 1);

                String pad = "p".repeat(PAD);
                long start = System.nanoTime();
                int sent = 0;
                int closedAt = -1;
                long closedNanos = 0;
                while (sent < MAX_MESSAGES && (closedAt < 0 || sent < closedAt + AFTER_CLOSE)) {
                    long due = start + sent * 1_000_000_000L / RATE;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    sentAt[sent] = System.nanoTime();
                    publisher.publish(CHANNEL, Json.createObjectBuilder().add("seq", sent).add("pad", pad).build());
                    sent++;
                    if (closedAt < 0 && sent % 25 == 0 && sockets(observer) == CROWD) {
                        closedAt = sent;
                        closedNanos = System.nanoTime();
                        stalledUntil.set(closedAt);
                    }
                }
                int total = sent;
                // A stalled socket never closed (Payara, see above) held on for the whole publishing.
                long stallEnd = closedAt > 0 ? closedNanos : System.nanoTime();
                awaitAll(receivers, total);

                long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
                long[] sortedAfter = delaysAfter.stream().mapToLong(Long::longValue).sorted().toArray();
                long worst = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
                double stallSeconds = (stallEnd - start) / 1e9;
                System.out.printf("[slow-consumer] %d messages of %d KiB at %d/s from B; the stalled socket on A was seen "
                                + "closed after %d messages (%.1f s, %.1f MiB published to it); crowd of %d: %d deliveries "
                                + "while it was open, delay p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d after it was closed, "
                                + "delay p50 %.1f ms, p99 %.1f ms; %d queue-full warnings in A's log%n",
                        total, PAD / 1024, RATE, closedAt, stallSeconds, closedAt * (PAD + 40) / 1048576.0, CROWD,
                        sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99), worst / 1e6,
                        sortedAfter.length, percentile(sortedAfter, 0.50), percentile(sortedAfter, 0.99),
                        log.count(QUEUE_FULL));

                if (ServerRuntime.is(ServerRuntime.PAYARA) && closedAt < 0) {
                    System.out.println("[slow-consumer] " + ServerRuntime.current() + ": the stalled socket still open after "
                            + total + " messages, as expected there (see the class comment); its close is not checked");
                    assertEquals(0, log.count(QUEUE_FULL), "no queue-full warning on A while the stalled socket is open");
                } else {
                    assertTrue(closedAt > 0, "the stalled socket was closed within " + total + " messages");
                    assertEquals(1, log.count(QUEUE_FULL), "one queue-full warning on A, for the stalled socket");
                }
                for (int i = 0; i < CROWD; i++) {
                    assertEquals(total, receivers[i].count.get(), "crowd member " + i + " received every message");
                    assertEquals(0, receivers[i].outOfOrder.get(), "crowd member " + i + " received them in order");
                }
                // Had the crowd waited for the stalled socket, its worst delay would be about the stall itself.
                assertTrue(worst < Math.max(2e9, (stallEnd - start) / 2.0),
                        "worst delay to the crowd " + worst / 1e6 + " ms while the stalled socket held on for " + stallSeconds + " s");
                assertTrue(publisher.isOpen() && crowd.stream().allMatch(TokenSocketClient::isOpen), "nobody else was closed");
            }
        } finally {
            crowd.forEach(TokenSocketClient::close);
        }
    }

    private static int sockets(TokenSocketClient observer) {
        return observer.rpc("server.channelSockets", Json.createValue(CHANNEL)).toCompletableFuture().join() instanceof jakarta.json.JsonNumber n
                ? n.intValue() : -1;
    }

    private static void awaitSockets(TokenSocketClient observer, int expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int now = sockets(observer);
        while (now != expected && System.nanoTime() < deadline) {
            SharedRedis.sleep(50);
            now = sockets(observer);
        }
        assertEquals(expected, now, "sockets on " + CHANNEL);
    }

    private static void awaitAll(Receiver[] receivers, int total) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && !Arrays.stream(receivers).allMatch(r -> r.count.get() >= total)) {
            SharedRedis.sleep(50);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
