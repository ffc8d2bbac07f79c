package io.tokensockjs.client;

import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The requests of one client that wait for their answers, by uuid, at most {@code max} at once. Every request ends:
 * with its answer, its error, its timeout or the close of the connection it was sent on; none stays behind. Answers
 * complete on the callback executor, so a caller's continuation never runs on the thread that reads the socket.
 */
final class PendingCalls {

    private static final class Call {
        final String rpc;
        final CompletableFuture<JsonValue> answer = new CompletableFuture<>();
        ScheduledFuture<?> timer;
        SockJsConnection sentOn;

        Call(String rpc) {
            this.rpc = rpc;
        }
    }

    private final Map<String, Call> calls = new HashMap<>();
    private final int max;
    private final Executor completions;

    PendingCalls(int max, Executor completions) {
        this.max = max;
        this.completions = completions;
    }

    /**
     * Registers a request before it is sent; it fails with a {@link CallTimeoutException} unless answered within the
     * timeout.
     *
     * @throws TooManyPendingCallsException when {@code max} requests wait already
     */
    CompletableFuture<JsonValue> add(String uuid, String rpc, Duration timeout) {
        Call call = new Call(rpc);
        synchronized (calls) {
            if (calls.size() >= max) {
                throw new TooManyPendingCallsException(max);
            }
            calls.put(uuid, call);
        }
        call.timer = ClientThreads.TIMER.schedule(() -> fail(uuid, new CallTimeoutException(rpc, timeout)),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        return call.answer;
    }

    /**
     * The request leaves on this connection: it fails if that connection closes before the answer.
     *
     * @return false when it no longer waits (it timed out while the client was reconnecting): do not send it
     */
    boolean sent(String uuid, SockJsConnection connection) {
        synchronized (calls) {
            Call call = calls.get(uuid);
            if (call != null) {
                call.sentOn = connection;
            }
            return call != null;
        }
    }

    /**
     * An answer ({@code error} null) or error arrived for this uuid.
     *
     * @return false when no request waits under that uuid
     */
    boolean answer(String uuid, JsonValue resp, JsonValue error) {
        Call call = remove(uuid);
        if (call == null) {
            return false;
        }
        if (error != null) {
            complete(call, null, new ServerErrorException(call.rpc, error));
        } else {
            complete(call, resp, null);
        }
        return true;
    }

    void fail(String uuid, TokenSocketException failure) {
        Call call = remove(uuid);
        if (call != null) {
            complete(call, null, failure);
        }
    }

    /** The connection closed: what was sent on it fails; requests still waiting to be sent stay. */
    void connectionClosed(SockJsConnection connection, TokenSocketException failure) {
        for (String uuid : uuids(connection)) {
            fail(uuid, failure);
        }
    }

    /** Every request fails: the client is closed. */
    void failAll(TokenSocketException failure) {
        for (String uuid : uuids(null)) {
            fail(uuid, failure);
        }
    }

    int size() {
        synchronized (calls) {
            return calls.size();
        }
    }

    private List<String> uuids(SockJsConnection sentOn) {
        List<String> uuids = new ArrayList<>();
        synchronized (calls) {
            calls.forEach((uuid, call) -> {
                if (sentOn == null || call.sentOn == sentOn) {
                    uuids.add(uuid);
                }
            });
        }
        return uuids;
    }

    private Call remove(String uuid) {
        Call call;
        synchronized (calls) {
            call = calls.remove(uuid);
        }
        if (call != null && call.timer != null) {
            call.timer.cancel(false);
        }
        return call;
    }

    private void complete(Call call, JsonValue value, TokenSocketException failure) {
        completions.execute(() -> {
            if (failure != null) {
                call.answer.completeExceptionally(failure);
            } else {
                call.answer.complete(value);
            }
        });
    }
}
