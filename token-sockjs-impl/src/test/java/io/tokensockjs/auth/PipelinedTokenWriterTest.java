package io.tokensockjs.auth;

import io.tokensockjs.testing.RedisNode;
import io.tokensockjs.testing.RedisServerExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipelined token writer against a real redis-server, and against none. */
class PipelinedTokenWriterTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.onFreePort();

    private static final TokenData DATA = new TokenData("{\"user\":\"alice\"}", "localhost:9080", List.of("127.0.0.1"), 42);

    private RedisClient redis;
    private final List<PipelinedTokenWriter> writers = new ArrayList<>();

    /** Where waiters are completed, as the server's responder pool: two threads. */
    private static final ExecutorService ANSWERS = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopAnswers() {
        ANSWERS.shutdownNow();
    }

    @BeforeEach
    void connect() {
        redis = RedisClient.create(URI.create(REDIS.redis().url()));
        redis.flushAll();
    }

    @AfterEach
    void disconnect() {
        writers.forEach(PipelinedTokenWriter::close);
        redis.close();
    }

    private PipelinedTokenWriter writer(Supplier<UnifiedJedis> client, int maxBatch, int maxWaiting) {
        return writer(client, maxBatch, maxWaiting, Duration.ofSeconds(30));
    }

    private PipelinedTokenWriter writer(Supplier<UnifiedJedis> client, int maxBatch, int maxWaiting, Duration maxQueued) {
        PipelinedTokenWriter writer = new PipelinedTokenWriter(client, Thread::new, ANSWERS, maxBatch, maxWaiting, maxQueued);
        writers.add(writer);
        return writer;
    }

    /** A client that lets the writer go on only when the test says so: what waits meanwhile is one batch. */
    private static Supplier<UnifiedJedis> heldUntil(CountDownLatch go, CountDownLatch holding, UnifiedJedis client) {
        return () -> {
            holding.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return client;
        };
    }

    @Test
    void aCompletionThatBlocksHoldsUpNeitherTheWritingThreadNorTheNextBatch() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        PipelinedTokenWriter writer = writer(heldUntil(go, holding, redis), 256, 1000);
        CompletableFuture<Boolean> first = writer.set("first", "0", 30_000);
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        // Attached while the batch is held, so it runs on the thread that completes the waiter: as a resumed HTTP
        // answer does, which on Payara goes on to serve the connection's next request there.
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Thread> completedOn = new CompletableFuture<>();
        first.thenRun(() -> {
            completedOn.complete(Thread.currentThread());
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        go.countDown();
        try {
            Thread answering = completedOn.get(10, TimeUnit.SECONDS);
            assertFalse(answering.getName().equals("token-sockjs-token-writer"), "completed on the writing thread");
            assertTrue(writer.set("second", "1", 30_000).get(10, TimeUnit.SECONDS),
                    "the next batch was answered while the first completion still ran");
        } finally {
            release.countDown();
        }
    }

    @Test
    void eachWaiterGetsTheAnswerToItsOwnCommandInOneBatch() throws Exception {
        redis.set("taken", "before");
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        PipelinedTokenWriter writer = writer(heldUntil(go, holding, redis), 256, 1000);
        CompletableFuture<Boolean> first = writer.set("first", "0", 30_000);
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<Boolean>> stored = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            stored.add(writer.set(i == 50 ? "taken" : "key" + i, "value" + i, 30_000));
        }
        go.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            assertEquals(i != 50, stored.get(i).get(10, TimeUnit.SECONDS), "answer " + i);
        }
        assertEquals("before", redis.get("taken"));
        assertEquals("value99", redis.get("key99"));
        long ttl = redis.pttl("key0");
        assertTrue(ttl > 0 && ttl <= 30_000, "PX ttl " + ttl);
    }

    @Test
    void batchesLargerThanTheBoundAreSplitAndAllAnswered() throws Exception {
        PipelinedTokenWriter writer = writer(() -> redis, 3, 1000);
        List<CompletableFuture<Boolean>> stored = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            stored.add(writer.set("key" + i, "value" + i, 30_000));
        }
        for (CompletableFuture<Boolean> one : stored) {
            assertTrue(one.get(10, TimeUnit.SECONDS));
        }
        assertEquals(50, redis.keys("key*").size());
    }

    @Test
    void aBatchWhoseConnectionFailsFailsEveryWaiter() throws Exception {
        int nobody = RedisNode.freePort();
        try (RedisClient unreachable = RedisClient.create(URI.create("redis://127.0.0.1:" + nobody))) {
            PipelinedTokenWriter writer = writer(() -> unreachable, 256, 1000);
            List<CompletableFuture<Boolean>> stored = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                stored.add(writer.set("key" + i, "value", 30_000));
            }
            for (CompletableFuture<Boolean> one : stored) {
                ExecutionException failed = assertThrows(ExecutionException.class, () -> one.get(30, TimeUnit.SECONDS));
                assertInstanceOf(IllegalStateException.class, failed.getCause());
            }
        }
    }

    @Test
    void aClientThatCannotBeMadeFailsTheBatch() {
        PipelinedTokenWriter writer = writer(() -> {
            throw new IllegalStateException("No Redis client yet");
        }, 256, 1000);
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> writer.set("key", "value", 30_000).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
    }

    @Test
    void commandsBeyondTheWaitingBoundFailAtOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        PipelinedTokenWriter writer = writer(heldUntil(go, holding, redis), 256, 2);
        CompletableFuture<Boolean> first = writer.set("first", "0", 30_000);
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        CompletableFuture<Boolean> second = writer.set("second", "0", 30_000);
        CompletableFuture<Boolean> third = writer.set("third", "0", 30_000);
        CompletableFuture<Boolean> refused = writer.set("refused", "0", 30_000);
        assertTrue(refused.isCompletedExceptionally());
        go.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS));
        assertTrue(second.get(10, TimeUnit.SECONDS));
        assertTrue(third.get(10, TimeUnit.SECONDS));
        assertFalse(redis.exists("refused"));
    }

    @Test
    void commandsThatWaitedLongerThanTheBoundForTheirBatchFailUnwritten() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        // The writing thread starts its work only when the test says so: what was queued before has waited.
        PipelinedTokenWriter writer = new PipelinedTokenWriter(() -> redis, work -> new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            work.run();
        }), ANSWERS, 256, 1000, Duration.ofNanos(1));
        writers.add(writer);
        CompletableFuture<Boolean> late = writer.set("late", "0", 30_000);
        go.countDown();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> late.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertFalse(redis.exists("late"));
    }

    @Test
    void closingAnswersTheBatchBeingWrittenAndFailsTheRest() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        PipelinedTokenWriter writer = writer(heldUntil(go, holding, redis), 256, 1000);
        CompletableFuture<Boolean> beingWritten = writer.set("first", "0", 30_000);
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        CompletableFuture<Boolean> waiting = writer.set("second", "0", 30_000);
        Thread closing = new Thread(() -> writer.close(10_000));
        closing.start();
        // Closed before the held batch goes on: the one waiting after it is then never written.
        RedisNode.awaitTrue(() -> closing.getState() == Thread.State.TIMED_WAITING, Duration.ofSeconds(10),
                () -> "close() did not start waiting for the thread");
        go.countDown();
        closing.join();
        assertTrue(beingWritten.get(10, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertFalse(redis.exists("second"));
        assertTrue(writer.set("after", "0", 30_000).isCompletedExceptionally());
    }

    @Test
    void theStoreIssuesThroughTheWriterAndTokensRedeem() {
        RedisTokenStore store = new RedisTokenStore(() -> redis, writer(() -> redis, 256, 1000), Duration.ofSeconds(10));
        String token = store.issue(DATA, Duration.ofSeconds(30));
        assertEquals(TokenDataJson.write(DATA), redis.get(RedisTokenStore.KEY_PREFIX + token));
        assertEquals(Optional.of(DATA), store.redeem(token));
        assertEquals(Optional.empty(), store.redeem(token));
    }

    @Test
    void theStoreIssuesLaterThroughTheWriterAndTokensRedeem() throws Exception {
        RedisTokenStore store = new RedisTokenStore(() -> redis, writer(() -> redis, 256, 1000), Duration.ofSeconds(10));
        List<CompletableFuture<String>> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(store.issueLater(DATA, Duration.ofSeconds(30)));
        }
        for (CompletableFuture<String> token : tokens) {
            assertEquals(Optional.of(DATA), store.redeem(token.get(10, TimeUnit.SECONDS)));
        }
    }

    @Test
    void issuingLaterFailsWithTheStoresExceptionWhenRedisIsGone() throws Exception {
        int nobody = RedisNode.freePort();
        try (RedisClient unreachable = RedisClient.create(URI.create("redis://127.0.0.1:" + nobody))) {
            RedisTokenStore store = new RedisTokenStore(() -> unreachable, writer(() -> unreachable, 256, 1000),
                    Duration.ofSeconds(30));
            CompletableFuture<String> token = store.issueLater(DATA, Duration.ofSeconds(30));
            ExecutionException failed = assertThrows(ExecutionException.class, () -> token.get(30, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, failed.getCause());
        }
    }

    @Test
    void theStoreGivesUpOnAWriterThatDoesNotAnswerWithinItsBound() {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        RedisTokenStore store = new RedisTokenStore(() -> redis, writer(heldUntil(go, holding, redis), 256, 1000),
                Duration.ofMillis(50));
        try {
            assertThrows(IllegalStateException.class, () -> store.issue(DATA, Duration.ofSeconds(30)));
        } finally {
            go.countDown();
        }
    }

    @Test
    void theStoreFailsAsTodayWhenRedisIsGone() {
        int nobody = RedisNode.freePort();
        try (RedisClient unreachable = RedisClient.create(URI.create("redis://127.0.0.1:" + nobody))) {
            RedisTokenStore store = new RedisTokenStore(() -> unreachable, writer(() -> unreachable, 256, 1000),
                    Duration.ofSeconds(30));
            assertThrows(IllegalStateException.class, () -> store.issue(DATA, Duration.ofSeconds(30)));
        }
    }
}
