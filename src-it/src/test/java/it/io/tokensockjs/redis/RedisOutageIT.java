package it.io.tokensockjs.redis;

import io.tokensockjs.client.TokenSocketClient;
import io.tokensockjs.testing.RedisProcess;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis dies (SIGKILL) under a steady publish load and comes back on the same port: both servers report the outage
 * on their readiness check, reconnect, subscribe again, and deliver again within seconds; the messages lost are
 * only those the server handled during the outage (refused to the publisher, or taken by Redis while the
 * subscribers were not back yet), give or take a margin; no thread is left behind.
 */
public class RedisOutageIT {

    /** Messages per second a client on A publishes, to one subscriber on A and one on B. */
    static final int RATE = 200;
    static final long BEFORE_MILLIS = 3_000;
    static final long OUTAGE_MILLIS = 2_000;
    static final long AFTER_MILLIS = 5_000;
    /** How long after Redis is back the servers may take to deliver again: "within a few seconds". */
    static final long RECOVERY_BOUND_MILLIS = 5_000;
    /** Messages the server handled this close to the crash or the recovery may be lost or not: they were in flight. */
    static final long MARGIN_MILLIS = 500;
    /** Threads the servers may gain under the load (their executors grow); a leaked thread per attempt would be more. */
    static final int THREAD_TOLERANCE = 20;

    private static final String CHANNEL = "outage-load";

    @Test
    void killedAndRestartedRedisCostsOnlyTheMessagesOfTheOutage() throws Exception {
        RedisProcess redis = SharedRedis.start();
        int[] threadsBeforeA = Node.A.threads();
        int[] threadsBeforeB = Node.B.threads();
        assertEquals(1, threadsBeforeA[1], "one Redis subscriber thread on A");
        assertEquals(1, threadsBeforeB[1], "one Redis subscriber thread on B");

        int total = (int) ((BEFORE_MILLIS + OUTAGE_MILLIS + AFTER_MILLIS) * RATE / 1000);
        long[] sentAt = new long[total];
        // When the server answered each publish (accepted or refused): on a busy machine requests wait in the
        // server for a while, so the answer, not the sending, tells when the broker saw a message.
        AtomicLongArray answeredAt = new AtomicLongArray(total);
        Receipts receivedOnA = new Receipts(total);
        Receipts receivedOnB = new Receipts(total);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        java.util.concurrent.atomic.AtomicIntegerArray refusedSeqs = new java.util.concurrent.atomic.AtomicIntegerArray(total);
        List<TokenSocketClient> clients = new ArrayList<>();
        try (HealthWatch watchA = new HealthWatch(Node.A, 100); HealthWatch watchB = new HealthWatch(Node.B, 100)) {
            clients.add(receivedOnA.subscribe(Node.A, "sub-a", CHANNEL));
            clients.add(receivedOnB.subscribe(Node.B, "sub-b", CHANNEL));
            TokenSocketClient publisher = Node.A.client("pub-a", "user").connect().toCompletableFuture().join();
            clients.add(publisher);
            SharedRedis.awaitSubscribers(CHANNEL, 2);

            long[] killedAt = {0};
            long[] restartedAt = {0};
            long start = System.nanoTime();
            Thread chaos = new Thread(() -> {
                sleepUntil(start + BEFORE_MILLIS * 1_000_000);
                killedAt[0] = System.nanoTime();
                redis.kill();
                sleepUntil(killedAt[0] + OUTAGE_MILLIS * 1_000_000);
                redis.start();
                restartedAt[0] = System.nanoTime();
            }, "redis-chaos");
            chaos.start();
            for (int seq = 0; seq < total; seq++) {
                sleepUntil(start + seq * 1_000_000_000L / RATE);
                sentAt[seq] = System.nanoTime();
                int n = seq;
                publisher.publish(CHANNEL, Json.createObjectBuilder().add("seq", seq).build())
                        .whenComplete((answer, failure) -> {
                            answeredAt.set(n, System.nanoTime());
                            if (failure != null) {
                                refused.incrementAndGet();
                                refusedSeqs.set(n, 1);
                            } else {
                                accepted.incrementAndGet();
                            }
                        });
            }
            chaos.join();
            Receipts.awaitLast(receivedOnA, receivedOnB, total);

            long killed = killedAt[0];
            long restarted = restartedAt[0];
            long downA = watchA.firstDown(killed);
            long downB = watchB.firstDown(killed);
            long upA = watchA.firstUp(restarted);
            long upB = watchB.firstUp(restarted);
            long deliveringA = receivedOnA.firstSentAfter(sentAt, total, restarted);
            long deliveringB = receivedOnB.firstSentAfter(sentAt, total, restarted);
            long recovered = Math.max(Math.max(upA, upB), Math.max(deliveringA, deliveringB));
            long windowStart = killed - MARGIN_MILLIS * 1_000_000;
            long windowEnd = recovered + MARGIN_MILLIS * 1_000_000;
            int inWindow = 0;
            for (long sent : sentAt) {
                inWindow += sent >= windowStart && sent <= windowEnd ? 1 : 0;
            }
            int answeredInWindow = 0;
            for (int seq = 0; seq < total; seq++) {
                answeredInWindow += answeredAt.get(seq) >= windowStart && answeredAt.get(seq) <= windowEnd ? 1 : 0;
            }
            List<Integer> lostOnA = receivedOnA.lost(total);
            List<Integer> lostOnB = receivedOnB.lost(total);
            long acceptedButLostA = lostOnA.stream().filter(seq -> refusedSeqs.get(seq) == 0).count();
            long acceptedButLostB = lostOnB.stream().filter(seq -> refusedSeqs.get(seq) == 0).count();
            List<Integer> lostOutsideA = Receipts.outside(lostOnA, answeredAt, windowStart, windowEnd);
            List<Integer> lostOutsideB = Receipts.outside(lostOnB, answeredAt, windowStart, windowEnd);
            System.out.printf("[redis-outage] %d messages at %d/s; Redis killed at %.2f s, back %.0f ms later; readiness DOWN "
                            + "after %.0f ms (A) / %.0f ms (B), UP %.0f ms (A) / %.0f ms (B) after the restart; delivering again "
                            + "%.0f ms (A) / %.0f ms (B) after the restart; %d published from %d ms before the crash to %d ms "
                            + "after recovery by sending time, %d by answer time; the publisher had %d accepted, %d refused "
                            + "(Internal error), %d unanswered; "
                            + "lost on A %d, on B %d (of which Redis had accepted %d / %d: published before the subscribers "
                            + "were back), answered outside that window %d / %d%n",
                    total, RATE, (killed - start) / 1e9, (restarted - killed) / 1e6, ms(downA - killed), ms(downB - killed),
                    ms(upA - restarted), ms(upB - restarted), ms(deliveringA - restarted), ms(deliveringB - restarted),
                    inWindow, MARGIN_MILLIS, MARGIN_MILLIS, answeredInWindow, accepted.get(), refused.get(),
                    total - accepted.get() - refused.get(),
                    lostOnA.size(), lostOnB.size(), acceptedButLostA, acceptedButLostB, lostOutsideA.size(), lostOutsideB.size());
            System.out.println("[redis-outage] readiness seen: " + watchA + "; " + watchB);

            assertTrue(downA > 0 && downB > 0, "readiness went DOWN on both: " + watchA + "; " + watchB);
            assertTrue(upA > 0 && upB > 0, "readiness came back UP on both: " + watchA + "; " + watchB);
            assertTrue(deliveringA > 0 && deliveringB > 0, "both subscribers receive again after the restart");
            assertTrue(recovered - restarted < RECOVERY_BOUND_MILLIS * 1_000_000,
                    "recovered " + ms(recovered - restarted) + " ms after Redis came back");
            assertEquals(List.of(), lostOutsideA, "messages lost on A outside the outage window (refused to the publisher: "
                    + refusedAmong(lostOutsideA, refusedSeqs) + ", kill at seq " + seqAt(sentAt, killed) + ")");
            assertEquals(List.of(), lostOutsideB, "messages lost on B outside the outage window (refused to the publisher: "
                    + refusedAmong(lostOutsideB, refusedSeqs) + ")");
            assertTrue(lostOnA.size() <= answeredInWindow && lostOnB.size() <= answeredInWindow,
                    "loss bounded by the messages handled in the outage window: " + answeredInWindow);
        } finally {
            clients.forEach(TokenSocketClient::close);
        }

        int[] threadsAfterA = settledThreads(Node.A, threadsBeforeA[0]);
        int[] threadsAfterB = settledThreads(Node.B, threadsBeforeB[0]);
        System.out.printf("[redis-outage] threads on A %d before, %d after; on B %d before, %d after; Redis subscriber "
                        + "threads %d / %d after%n", threadsBeforeA[0], threadsAfterA[0], threadsBeforeB[0], threadsAfterB[0],
                threadsAfterA[1], threadsAfterB[1]);
        assertEquals(1, threadsAfterA[1], "still one Redis subscriber thread on A");
        assertEquals(1, threadsAfterB[1], "still one Redis subscriber thread on B");
        assertTrue(threadsAfterA[0] <= threadsBeforeA[0] + THREAD_TOLERANCE, "threads on A");
        assertTrue(threadsAfterB[0] <= threadsBeforeB[0] + THREAD_TOLERANCE, "threads on B");
    }

    private static List<Integer> refusedAmong(List<Integer> seqs, java.util.concurrent.atomic.AtomicIntegerArray refused) {
        return seqs.stream().filter(seq -> refused.get(seq) == 1).toList();
    }

    private static int seqAt(long[] sentAt, long nanos) {
        int seq = 0;
        while (seq < sentAt.length && sentAt[seq] < nanos) {
            seq++;
        }
        return seq;
    }

    /** Threads once the load is over: the container's pools shrink slowly, so wait a little for them. */
    private static int[] settledThreads(Node node, int before) {
        int[] now = node.threads();
        for (int round = 0; round < 10 && now[0] > before + THREAD_TOLERANCE; round++) {
            SharedRedis.sleep(1000);
            now = node.threads();
        }
        return now;
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
