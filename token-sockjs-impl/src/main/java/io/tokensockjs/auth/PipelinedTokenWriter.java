package io.tokensockjs.auth;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes new tokens' {@code SET key json PX ttl NX} commands to Redis from one thread, in pipelined batches of
 * whatever waits when the previous batch is answered: one write and one read of one connection per batch, as the
 * original's single connection did, instead of a pool borrow, a write and a blocking read per token.
 *
 * <p>A waiter learns of its own command only: stored, refused as existing ({@code NX}), or failed. Every waiter of
 * a batch whose connection fails is failed; a waiter is never answered before Redis answered its command. Waiters
 * are bounded in number ({@code maxWaiting}: more fail at once); how long one waits is its caller's bound.
 *
 * <p>Waiters are completed on {@code answers}, never on the writing thread: what a completion does (the token route
 * resumes its HTTP answer, and on Payara Grizzly then goes on to read and serve the connection's next request on
 * that same thread, whatever it is) must not hold up the next batch of every other token.
 *
 * <p>Not for Redis Cluster: a cluster pipeline neither follows {@code MOVED} nor retries through a shard failover,
 * which a single command of the cluster client does (see {@code TokenStores}).
 */
public final class PipelinedTokenWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PipelinedTokenWriter.class.getName());

    /** One token's command and its waiter: true when stored, false when {@code NX} refused the key. */
    private record Pending(String key, String json, long ttlMillis, long queuedAt, CompletableFuture<Boolean> stored) {
    }

    /** Wakes the thread when it waits for work and nothing comes: it then sees {@link #closed}. */
    private static final Pending WAKE = new Pending("", "", 1, 0, new CompletableFuture<>());

    private final Supplier<UnifiedJedis> redis;
    private final Executor answers;
    private final int maxBatch;
    private final long maxQueuedNanos;
    private final BlockingQueue<Pending> waiting;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param redis      the pooled client (standalone or Sentinel); it may throw {@link IllegalStateException} while
     *                   it cannot be made, which fails the batch
     * @param threads    makes the writing thread, started here
     * @param answers    where waiters are completed (the class comment says why not on the writing thread); a
     *                   completion it rejects (it is shut down) runs on the writing thread
     * @param maxBatch   commands in one pipeline at most
     * @param maxWaiting commands waiting for the thread at most; more fail at once
     * @param maxQueued  how long a command may wait for its batch: older ones fail instead of being written. With
     *                   the client's own timeouts (connect, pool wait, socket), which bound a batch, this bounds how
     *                   long a waiter waits, without a timer per command
     */
    public PipelinedTokenWriter(Supplier<UnifiedJedis> redis, ThreadFactory threads, Executor answers, int maxBatch,
            int maxWaiting, java.time.Duration maxQueued) {
        if (maxBatch < 1 || maxWaiting < 1) {
            throw new IllegalArgumentException("maxBatch and maxWaiting must be positive");
        }
        this.redis = redis;
        this.answers = answers;
        this.maxBatch = maxBatch;
        this.maxQueuedNanos = maxQueued.toNanos();
        this.waiting = new LinkedBlockingQueue<>(maxWaiting);
        this.thread = threads.newThread(this::run);
        if (thread == null) {
            throw new IllegalStateException("No thread for the token writer");
        }
        thread.setName("token-sockjs-token-writer");
        thread.start();
    }

    /**
     * Queues {@code SET key json PX ttlMillis NX}.
     *
     * @return completes with true when Redis stored the key, false when it held the key already; exceptionally with
     *         an {@link IllegalStateException} when Redis failed, too many commands wait, or the writer is closed
     */
    public CompletableFuture<Boolean> set(String key, String json, long ttlMillis) {
        CompletableFuture<Boolean> stored = new CompletableFuture<>();
        if (closed) {
            stored.completeExceptionally(new IllegalStateException("The token writer is closed"));
            return stored;
        }
        Pending pending = new Pending(key, json, Math.max(1, ttlMillis), System.nanoTime(), stored);
        if (!waiting.offer(pending)) {
            stored.completeExceptionally(new IllegalStateException(
                    "Too many tokens wait for Redis (" + (waiting.size() + waiting.remainingCapacity()) + ")"));
        } else if (closed && waiting.remove(pending)) {
            // Closed between the check and the offer, after the thread's last look at the queue.
            stored.completeExceptionally(new IllegalStateException("The token writer is closed"));
        }
        return stored;
    }

    /**
     * Stops the thread after the batch it writes (its waiters get their answers); commands still waiting fail.
     * Waits for the thread at most {@code timeoutMillis}.
     */
    public void close(long timeoutMillis) {
        closed = true;
        waiting.offer(WAKE);
        try {
            thread.join(Math.max(1, timeoutMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(TimeUnit.SECONDS.toMillis(5));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        try {
            while (!closed) {
                Pending first = waiting.take();
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                long now = System.nanoTime();
                batch.removeIf(pending -> pending == WAKE || tooOld(pending, now));
                if (!batch.isEmpty()) {
                    write(batch);
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            fail(batch, new IllegalStateException("The token writer is closed"));
            List<Pending> left = new ArrayList<>();
            waiting.drainTo(left);
            fail(left, new IllegalStateException("The token writer is closed"));
        }
    }

    /** Fails a command that waited too long for its batch (Redis was slow to answer the ones before it). */
    private boolean tooOld(Pending pending, long now) {
        if (now - pending.queuedAt() <= maxQueuedNanos) {
            return false;
        }
        answer(pending.stored(), null, new IllegalStateException("Redis did not store the token in time"));
        return true;
    }

    /** One pipeline: every command written, then every answer read; each waiter gets its own. */
    private void write(List<Pending> batch) {
        List<Response<String>> replies = new ArrayList<>(batch.size());
        try (AbstractPipeline pipeline = redis.get().pipelined()) {
            for (Pending pending : batch) {
                replies.add(pipeline.set(pending.key(), pending.json(),
                        SetParams.setParams().px(pending.ttlMillis()).nx()));
            }
            pipeline.sync();
        } catch (RuntimeException e) {
            // The connection failed (or none could be had): no answer of this batch can be trusted.
            LOG.log(Level.FINE, "A batch of token writes failed", e);
            fail(batch, new IllegalStateException("Redis did not store the token: " + e.getMessage(), e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<Boolean> stored = batch.get(i).stored();
            try {
                answer(stored, "OK".equals(replies.get(i).get()), null);
            } catch (RuntimeException e) {
                // Redis refused this one command (an error reply): the others of the batch stand.
                answer(stored, null, new IllegalStateException("Redis did not store the token: " + e.getMessage(), e));
            }
        }
    }

    private void fail(List<Pending> pendings, IllegalStateException why) {
        for (Pending pending : pendings) {
            answer(pending.stored(), null, why);
        }
    }

    /** Completes one waiter on {@link #answers}: with {@code stored}, or with {@code failure} when it is not null. */
    private void answer(CompletableFuture<Boolean> waiter, Boolean stored, IllegalStateException failure) {
        Runnable completion = failure == null ? () -> waiter.complete(stored) : () -> waiter.completeExceptionally(failure);
        try {
            answers.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }
}
