package io.tokensockjs.cluster;

import io.tokensockjs.json.Jsonp;
import io.tokensockjs.pubsub.PubSub;
import io.tokensockjs.pubsub.ReservedChannels;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requests between the servers of the cluster, over the broker's reserved channels: one channel per server and one
 * for all. A request carries an id and its sender; each answer goes back on the sender's channel with that id. A
 * request to one server ends with its answer, its error or a timeout; a request to all ends when every live server
 * answered or at the timeout, with the answers gathered by then. Handlers run on the executor, never on the
 * broker's thread. The payloads are JSON: {@code {"id":N,"from":S,"op":O,"data":D}}, answered
 * {@code {"re":N,"from":S,"data":D}} or {@code {"re":N,"from":S,"error":E}}.
 */
public final class ClusterBus {

    private static final Logger LOG = Logger.getLogger(ClusterBus.class.getName());

    static final String CHANNEL_PREFIX = ReservedChannels.PREFIX + "cluster:";
    static final String ALL = CHANNEL_PREFIX + "all";

    /** What a server does with a request; the stage's value is the answer, its failure the error. */
    @FunctionalInterface
    public interface Handler {
        CompletionStage<JsonValue> handle(JsonValue data);
    }

    /** A request waiting for one answer, or for the answers of several servers. */
    private static final class Pending {
        final CompletableFuture<List<JsonValue>> done = new CompletableFuture<>();
        final List<JsonValue> answers = new ArrayList<>();
        final int expected;
        int responded;
        String lastError;

        Pending(int expected) {
            this.expected = expected;
        }
    }

    private final String serverId;
    private final PubSub pubSub;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final Supplier<Set<String>> liveServers;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    ClusterBus(String serverId, PubSub pubSub, Executor executor, ScheduledExecutorService scheduler, Duration timeout,
            Supplier<Set<String>> liveServers) {
        this.serverId = serverId;
        this.pubSub = pubSub;
        this.executor = executor;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.liveServers = liveServers;
    }

    void start() {
        pubSub.listen(ALL, this::received);
        pubSub.listen(channel(serverId), this::received);
    }

    private static String channel(String server) {
        return CHANNEL_PREFIX + "server:" + server;
    }

    /** Handles an operation on this server; replaces any handler it had. */
    public void handle(String op, Handler handler) {
        handlers.put(op, handler);
    }

    /**
     * Asks one server, with a time limit of its own (a call to a client takes its own timeout, plus the way there and
     * back).
     *
     * @return the answer; fails with a {@link ClusterException} carrying the server's error, or a
     *         {@link TimeoutException}
     */
    public CompletionStage<JsonValue> ask(String server, String op, JsonValue data, Duration limit) {
        return send(channel(server), op, data, 1, limit).thenApply(answers -> answers.get(0));
    }

    /**
     * Asks every live server, this one included.
     *
     * @return the answers that came within the timeout, in their order of arrival (a server that answered with an
     *         error is left out, and logged)
     */
    public CompletionStage<List<JsonValue>> askAll(String op, JsonValue data) {
        int expected = Math.max(1, liveServers.get().size());
        return send(ALL, op, data, expected, timeout);
    }

    /** Tells every live server, this one included; no answer is awaited. Throws when the broker cannot take it. */
    public void tellAll(String op, JsonValue data) {
        pubSub.publishReserved(ALL, request(null, op, data));
    }

    private CompletionStage<List<JsonValue>> send(String channel, String op, JsonValue data, int expected, Duration limit) {
        String id = Long.toString(ids.incrementAndGet(), 36);
        Pending request = new Pending(expected);
        pending.put(id, request);
        var timer = scheduler.schedule(() -> expire(id), limit.toMillis(), TimeUnit.MILLISECONDS);
        request.done.whenComplete((answers, failure) -> timer.cancel(false));
        try {
            pubSub.publishReserved(channel, request(id, op, data));
        } catch (RuntimeException e) {
            pending.remove(id);
            request.done.completeExceptionally(new ClusterException("The cluster could not be reached: " + e.getMessage()));
        }
        return request.done;
    }

    private String request(String id, String op, JsonValue data) {
        JsonObjectBuilder out = Jsonp.PROVIDER.createObjectBuilder();
        if (id != null) {
            out.add("id", id);
        }
        return out.add("from", serverId).add("op", op).add("data", data).build().toString();
    }

    /** The timeout of a request: a request to all ends with what it has; one to a single server fails. */
    private void expire(String id) {
        Pending request = pending.remove(id);
        if (request == null) {
            return;
        }
        synchronized (request) {
            if (request.expected > 1 || !request.answers.isEmpty()) {
                LOG.fine(() -> "cluster request " + id + ": " + request.answers.size() + " of " + request.expected
                        + " servers answered within " + timeout);
                executor.execute(() -> request.done.complete(List.copyOf(request.answers)));
            } else {
                executor.execute(() -> request.done.completeExceptionally(request.lastError != null
                        ? new ClusterException(request.lastError) : new TimeoutException("No answer from the server")));
            }
        }
    }

    /** On the broker's thread: a request or an answer. */
    private void received(String payload) {
        JsonObject message;
        try {
            message = Jsonp.parse(payload) instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            message = null;
        }
        if (message == null) {
            LOG.warning("token-sockjs: a cluster message that is not a JSON object was ignored");
            return;
        }
        if (message.get("re") instanceof JsonString re) {
            answered(re.getString(), message);
        } else if (message.get("op") instanceof JsonString op && message.get("from") instanceof JsonString from) {
            JsonValue id = message.get("id");
            JsonValue data = message.getOrDefault("data", JsonValue.NULL);
            executor.execute(() -> run(op.getString(), data, from.getString(), id instanceof JsonString s ? s.getString() : null));
        } else {
            LOG.warning("token-sockjs: a cluster message without op or re was ignored");
        }
    }

    private void run(String op, JsonValue data, String from, String id) {
        Handler handler = handlers.get(op);
        CompletionStage<JsonValue> result;
        if (handler == null) {
            result = CompletableFuture.failedFuture(new ClusterException("Unknown cluster operation " + op));
        } else {
            try {
                result = handler.handle(data);
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(e);
            }
        }
        result.whenComplete((answer, failure) -> {
            if (failure != null) {
                LOG.log(Level.FINE, "cluster operation " + op + " from " + from + " failed", failure);
            }
            if (id == null) {
                return;
            }
            JsonObjectBuilder reply = Jsonp.PROVIDER.createObjectBuilder().add("re", id).add("from", serverId);
            if (failure == null) {
                reply.add("data", answer == null ? JsonValue.NULL : answer);
            } else {
                Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException
                        ? failure.getCause() : failure;
                reply.add("error", cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            }
            try {
                pubSub.publishReserved(channel(from), reply.build().toString());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "the answer to cluster request " + id + " of " + from + " was lost", e);
            }
        });
    }

    private void answered(String id, JsonObject message) {
        Pending request = pending.get(id);
        if (request == null) {
            return; // late: the request timed out already
        }
        boolean complete;
        synchronized (request) {
            request.responded++;
            if (message.get("error") instanceof JsonString error) {
                request.lastError = error.getString();
                if (request.expected == 1) {
                    pending.remove(id);
                    executor.execute(() -> request.done.completeExceptionally(new ClusterException(error.getString())));
                    return;
                }
                LOG.fine(() -> "cluster request " + id + " failed on " + message.get("from") + ": " + error.getString());
            } else {
                request.answers.add(message.getOrDefault("data", JsonValue.NULL));
            }
            complete = request.responded >= request.expected;
        }
        if (complete && pending.remove(id) != null) {
            List<JsonValue> answers;
            synchronized (request) {
                answers = List.copyOf(request.answers);
            }
            executor.execute(() -> request.done.complete(answers));
        }
    }
}
