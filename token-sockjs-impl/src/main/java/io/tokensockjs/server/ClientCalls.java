package io.tokensockjs.server;

import io.tokensockjs.SocketException;
import io.tokensockjs.metrics.RpcOutcome;
import io.tokensockjs.metrics.TokenSocketMetrics;
import io.tokensockjs.tracing.SpanKind;
import io.tokensockjs.tracing.TraceSpan;
import io.tokensockjs.tracing.Tracing;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The calls the server made to one client that wait for an answer. Every call ends: with the client's answer,
 * its error, a timeout, or the socket's close; none is kept after it ends.
 */
final class ClientCalls {

    private record Pending(CompletableFuture<JsonValue> answer, ScheduledFuture<?> timeout, String function, long startNanos,
            TraceSpan span) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final int maxPending;
    private final Executor executor;
    private final TokenSocketMetrics metrics;
    private final Tracing tracing;
    private volatile boolean closed;

    /**
     * @param executor completes the callers' stages, so that their continuations never run on a container thread
     */
    ClientCalls(int maxPending, Executor executor, TokenSocketMetrics metrics, Tracing tracing) {
        this.tracing = tracing;
        this.maxPending = maxPending;
        this.executor = executor;
        this.metrics = metrics;
    }

    /**
     * Registers a call under its id before it is sent.
     *
     * @return the stage of the answer, already failed when the socket is closed or has too many calls waiting
     */
    CompletableFuture<JsonValue> register(String fid, String function, Duration timeout, ScheduledExecutorService scheduler) {
        CompletableFuture<JsonValue> answer = new CompletableFuture<>();
        if (closed) {
            metrics.clientCall(function, RpcOutcome.CLOSED, 0);
            answer.completeExceptionally(new SocketException("Socket closed"));
            return answer;
        }
        if (pending.size() >= maxPending) {
            metrics.clientCall(function, RpcOutcome.REFUSED, 0);
            answer.completeExceptionally(new SocketException("Too many calls waiting for the client"));
            return answer;
        }
        ScheduledFuture<?> timer = scheduler.schedule(() -> fail(fid, RpcOutcome.TIMEOUT, new TimeoutException(
                "Client did not answer " + function + " within " + timeout)), timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending.put(fid, new Pending(answer, timer, function, System.nanoTime(),
                tracing.start("token-sockjs client " + function, SpanKind.CLIENT, function)));
        if (closed) {
            // Closed while registering: failAll may have missed this one.
            fail(fid, RpcOutcome.CLOSED, new SocketException("Socket closed"));
        }
        return answer;
    }

    /** The client answered {@code {"rpc":"_rpc","fid":F,"resp":{"data":D}}} or {@code {"resp":{"error":E}}}. */
    void answer(String fid, JsonValue resp) {
        if (fid == null) {
            return;
        }
        Pending call = pending.remove(fid);
        if (call == null) {
            return;
        }
        call.timeout().cancel(false);
        long nanos = System.nanoTime() - call.startNanos();
        JsonObject body = resp instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        JsonValue error = body.get("error");
        if (error != null && error.getValueType() != JsonValue.ValueType.NULL) {
            String message = error instanceof jakarta.json.JsonString string ? string.getString() : error.toString();
            metrics.clientCall(call.function(), RpcOutcome.ERROR, nanos);
            call.span().end(RpcOutcome.ERROR.label(), false);
            executor.execute(() -> call.answer().completeExceptionally(new SocketException(message, (Object) error)));
        } else {
            JsonValue data = body.getOrDefault("data", JsonValue.NULL);
            metrics.clientCall(call.function(), RpcOutcome.OK, nanos);
            call.span().end(RpcOutcome.OK.label(), false);
            executor.execute(() -> call.answer().complete(data));
        }
    }

    /** The socket closed: every waiting call fails, and later ones fail at once. */
    void failAll() {
        closed = true;
        for (String fid : pending.keySet()) {
            fail(fid, RpcOutcome.CLOSED, new SocketException("Socket closed"));
        }
    }

    int size() {
        return pending.size();
    }

    private void fail(String fid, RpcOutcome outcome, Throwable cause) {
        Pending call = pending.remove(fid);
        if (call != null) {
            metrics.clientCall(call.function(), outcome, System.nanoTime() - call.startNanos());
            call.span().end(outcome.label(), true);
            call.timeout().cancel(false);
            executor.execute(() -> call.answer().completeExceptionally(cause));
        }
    }
}
