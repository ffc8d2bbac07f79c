package it.io.tokensockjs.redis;

import io.tokensockjs.client.TokenSocketClient;
import io.tokensockjs.testing.RedisClusterGroup;
import io.tokensockjs.testing.RedisNode;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shard failover under a steady publish load: the primary owning the loaded channel's slot is SIGKILLed, its
 * replica is promoted by the cluster, and both servers subscribe there and deliver again; their readiness goes DOWN
 * (the subscription on the dead primary ended) and back UP (every subscription confirmed on the new map). Messages
 * are lost only in the failover window (refused to the publisher while the slot had no primary, or published before
 * the subscriptions moved, as Redis pub/sub keeps nothing); tokens whose key lies in the failed-over slot range work
 * again across the servers. The figures (loss, time to recovery) are printed.
 */
public class RedisClusterFailoverIT {

    /** Messages per second a client on A publishes, to one subscriber on A and one on B. */
    static final int RATE = 100;
    static final long BEFORE_MILLIS = 3_000;
    /** The load goes on this long after both subscribers receive again. */
    static final long AFTER_MILLIS = 3_000;
    /** The load ends after this anyway: the test then fails, as delivery did not resume. */
    static final long LOAD_BOUND_MILLIS = 60_000;
    /** Messages the server handled this close to the kill or the recovery may be lost or not: they were in flight. */
    static final long MARGIN_MILLIS = 500;

    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @Test
    void aKilledPrimaryCostsOnlyTheMessagesOfTheFailover() throws Exception {
        RedisClusterGroup cluster = SecuredCluster.start();
        String channel = "rf-" + RUN;
        RedisNode primary = cluster.primaryOf(channel);

        int capacity = (int) ((BEFORE_MILLIS + LOAD_BOUND_MILLIS) * RATE / 1000);
        long[] sentAt = new long[capacity];
        AtomicLongArray answeredAt = new AtomicLongArray(capacity);
        Receipts receivedOnA = new Receipts(capacity);
        Receipts receivedOnB = new Receipts(capacity);
        AtomicInteger refused = new AtomicInteger();
        List<TokenSocketClient> clients = new ArrayList<>();
        long killed = 0;
        long promoted = 0;
        int total = 0;
        try (HealthWatch watchA = new HealthWatch(Node.CLUSTER_A, 100); HealthWatch watchB = new HealthWatch(Node.CLUSTER_B, 100)) {
            clients.add(receivedOnA.subscribe(Node.CLUSTER_A, "rf-sub-a", channel));
            clients.add(receivedOnB.subscribe(Node.CLUSTER_B, "rf-sub-b", channel));
            TokenSocketClient publisher = Node.CLUSTER_A.client("rf-pub", "user").connect().toCompletableFuture().join();
            clients.add(publisher);
            SecuredCluster.awaitShardSubscribers(channel, 2);

            // When the primary was killed, and when the cluster agreed on its replica.
            AtomicLongArray chaos = new AtomicLongArray(2);
            Thread killer = new Thread(() -> {
                chaos.set(0, System.nanoTime());
                primary.kill();
                cluster.awaitFailover(channel, primary, Duration.ofSeconds(60));
                chaos.set(1, System.nanoTime());
            }, "redis-cluster-chaos");
            long start = System.nanoTime();
            long stopAt = start + (BEFORE_MILLIS + LOAD_BOUND_MILLIS) * 1_000_000;
            for (int seq = 0; seq < capacity && System.nanoTime() < stopAt; seq++) {
                sleepUntil(start + seq * 1_000_000_000L / RATE);
                if (seq == BEFORE_MILLIS * RATE / 1000) {
                    killer.start();
                }
                sentAt[seq] = System.nanoTime();
                total = seq + 1;
                int n = seq;
                publisher.publish(channel, Json.createObjectBuilder().add("seq", seq).build()).whenComplete((answer, failure) -> {
                    answeredAt.set(n, System.nanoTime());
                    if (failure != null) {
                        refused.incrementAndGet();
                    }
                });
                long kill = chaos.get(0);
                if (kill != 0 && seq % RATE == 0) {
                    long resumedA = receivedOnA.firstSentAfter(sentAt, total, kill);
                    long resumedB = receivedOnB.firstSentAfter(sentAt, total, kill);
                    if (resumedA > 0 && resumedB > 0) {
                        stopAt = Math.min(stopAt, Math.max(resumedA, resumedB) + AFTER_MILLIS * 1_000_000);
                    }
                }
            }
            killer.join(60_000);
            killed = chaos.get(0);
            promoted = chaos.get(1);
            Receipts.awaitLast(receivedOnA, receivedOnB, total);

            long downA = watchA.firstDown(killed);
            long downB = watchB.firstDown(killed);
            long upA = watchA.firstUp(Math.max(downA, killed));
            long upB = watchB.firstUp(Math.max(downB, killed));
            long deliveringA = receivedOnA.firstSentAfter(sentAt, total, killed);
            long deliveringB = receivedOnB.firstSentAfter(sentAt, total, killed);
            long recovered = Math.max(Math.max(upA, upB), Math.max(deliveringA, deliveringB));
            long windowStart = killed - MARGIN_MILLIS * 1_000_000;
            long windowEnd = recovered + MARGIN_MILLIS * 1_000_000;
            int answeredInWindow = 0;
            for (int seq = 0; seq < total; seq++) {
                answeredInWindow += answeredAt.get(seq) >= windowStart && answeredAt.get(seq) <= windowEnd ? 1 : 0;
            }
            List<Integer> lostOnA = receivedOnA.lost(total);
            List<Integer> lostOnB = receivedOnB.lost(total);
            List<Integer> lostOutsideA = Receipts.outside(lostOnA, answeredAt, windowStart, windowEnd);
            List<Integer> lostOutsideB = Receipts.outside(lostOnB, answeredAt, windowStart, windowEnd);
            System.out.printf("[cluster-failover] %d messages at %d/s on %s; primary %s killed at %.2f s; the cluster "
                            + "promoted its replica %.0f ms later; readiness DOWN after %.0f ms (A) / %.0f ms (B), UP again "
                            + "%.0f ms (A) / %.0f ms (B) after the kill; delivering again %.0f ms (A) / %.0f ms (B) after the "
                            + "kill (messages sent after it); %d refused to the publisher; lost on A %d, on B %d (%.2f s / "
                            + "%.2f s of load), %d answered in the failover window, lost outside it %d / %d%n",
                    total, RATE, channel, primary, (killed - start) / 1e9, ms(promoted - killed), ms(downA - killed),
                    ms(downB - killed), ms(upA - killed), ms(upB - killed), ms(deliveringA - killed), ms(deliveringB - killed),
                    refused.get(), lostOnA.size(), lostOnB.size(), lostOnA.size() / (double) RATE, lostOnB.size() / (double) RATE,
                    answeredInWindow, lostOutsideA.size(), lostOutsideB.size());
            System.out.println("[cluster-failover] readiness seen: " + watchA + "; " + watchB);

            assertTrue(deliveringA > 0 && deliveringB > 0, "both subscribers receive again after the failover");
            assertTrue(downA > 0 && downB > 0, "readiness went DOWN on both: " + watchA + "; " + watchB);
            assertTrue(upA > 0 && upB > 0, "readiness came back UP on both: " + watchA + "; " + watchB);
            assertEquals(List.of(), lostOutsideA, "messages lost on A outside the failover window");
            assertEquals(List.of(), lostOutsideB, "messages lost on B outside the failover window");
            assertTrue(lostOnA.size() <= answeredInWindow && lostOnB.size() <= answeredInWindow,
                    "loss bounded by the messages handled in the failover window: " + answeredInWindow);

            tokensWorkOnThePromotedShard(cluster, cluster.primaryOf(channel));
        } finally {
            clients.forEach(TokenSocketClient::close);
            if (!primary.isRunning()) {
                SecuredCluster.restart(primary);
            }
        }
        SecuredCluster.awaitReady(Duration.ofSeconds(30));
    }

    /** A token whose key the promoted primary holds, issued by A, is redeemed on B. */
    private static void tokensWorkOnThePromotedShard(RedisClusterGroup cluster, RedisNode promoted) {
        HttpClient onA = Node.CLUSTER_A.loggedIn("rf-token", "user");
        for (int attempt = 0; attempt < 100; attempt++) {
            String token = Node.CLUSTER_A.client(onA).requestToken().toCompletableFuture().join();
            if (cluster.primaryOf("token-sockjs:token:" + token).equals(promoted)) {
                TokenSocketClient onB = Node.CLUSTER_B.client(HttpClient.newHttpClient()).connectWith(token)
                        .toCompletableFuture().join();
                try {
                    assertEquals("rf-token", onB.rpc("math.whoami", JsonValue.NULL).toCompletableFuture().join()
                            .asJsonObject().getString("user"));
                } finally {
                    onB.close();
                }
                return;
            }
            // A token of another shard: left unredeemed, it expires.
        }
        throw new AssertionError("no token of 100 had its key on " + promoted);
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            SharedRedis.sleep(wait / 1_000_000);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
