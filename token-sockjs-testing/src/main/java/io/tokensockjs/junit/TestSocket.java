package io.tokensockjs.junit;

import io.tokensockjs.client.ClientFunction;
import io.tokensockjs.client.ClientListener;
import io.tokensockjs.client.CloseStatus;
import io.tokensockjs.client.TokenSocketClient;
import io.tokensockjs.client.TokenSocketException;

import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * An authenticated socket for a test, made by {@link TestSockets#connect}: calls that wait for their answers, and
 * waits for what the server pushes (channel messages, subscriptions, calls to the client, the close). Every wait
 * ends within the kit's timeout; a wait that times out fails the test with what arrived meanwhile. Request data and
 * answers are JSON-P values or anything JSON-B maps (records of the application).
 *
 * <p>Failed requests throw the client's exceptions as they are: {@code ServerErrorException} for the server's
 * errors and vetoes, {@code CallTimeoutException}, {@code ConnectionClosedException}...
 */
public final class TestSocket implements AutoCloseable {

    private final Duration timeout;
    private final Waiting<Message> messages = new Waiting<>();
    private final Waiting<ServerCall> calls = new Waiting<>();
    private final Waiting<TokenSocketException> errors = new Waiting<>();
    private final Map<String, Function<JsonValue, Object>> answers = new ConcurrentHashMap<>();
    private TokenSocketClient client;

    TestSocket(Duration timeout) {
        this.timeout = timeout;
    }

    /** Prepares the client: records what it receives, answers calls from {@link #answer} or holds them for the test. */
    TokenSocketClient.Builder prepare(TokenSocketClient.Builder builder) {
        return builder.timeout(timeout).listener(new ClientListener() {
            @Override
            public void onMessage(String channel, JsonValue message) {
                messages.add(new Message(channel, message));
            }

            @Override
            public void onError(TokenSocketException error) {
                errors.add(error);
            }
        }).functionLookup(this::function);
    }

    void connected(TokenSocketClient connected) {
        this.client = connected;
    }

    private ClientFunction function(String name) {
        return args -> {
            Function<JsonValue, Object> answer = answers.get(name);
            if (answer != null) {
                return CompletableFuture.completedFuture(JsonMapping.toJson(answer.apply(args)));
            }
            ServerCall call = new ServerCall(name, args);
            calls.add(call);
            return call.answer();
        };
    }

    /** The client underneath, for anything the kit does not wrap. */
    public TokenSocketClient client() {
        return client;
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    /** Calls a server function and returns its answer. */
    public JsonValue call(String function, Object request) {
        return await(client.rpc(function, JsonMapping.toJson(request)), "the answer to " + function);
    }

    /** Calls a server function and binds its answer to a type with JSON-B. */
    public <T> T call(String function, Object request, Class<T> answerType) {
        return JsonMapping.fromJson(call(function, request), answerType);
    }

    /** Joins a channel; returns once the server confirmed it (throws its veto otherwise). */
    public void subscribe(String channel) {
        await(client.subscribe(channel), "the answer to _subscribe " + channel);
    }

    /** Leaves a channel; returns once the server confirmed it. */
    public void unsubscribe(String channel) {
        await(client.unsubscribe(channel), "the answer to _unsubscribe " + channel);
    }

    /** Publishes on a channel; returns once the server accepted it (throws its veto otherwise). */
    public void publish(String channel, Object data) {
        await(client.publish(channel, JsonMapping.toJson(data)), "the answer to _publish " + channel);
    }

    /** Publishes on every channel; returns once the server accepted it. */
    public void broadcast(Object data) {
        await(client.broadcast(JsonMapping.toJson(data)), "the answer to _broadcast");
    }

    /** Answers the server's calls of this client function at once, from now on, with what the function returns. */
    public TestSocket answer(String function, Function<JsonValue, Object> answer) {
        answers.put(function, answer);
        return this;
    }

    // ---- waits ---------------------------------------------------------------------------------------------------

    /**
     * The next message on this channel, in the order they came (messages of other channels stay for their own
     * waits). To show that a message was not delivered, publish a second one and see that it comes first.
     */
    public JsonValue awaitMessage(String channel) {
        return awaitMessageOn(channel).message();
    }

    /** The next message on this channel, bound to a type with JSON-B. */
    public <T> T awaitMessage(String channel, Class<T> type) {
        return awaitMessageOn(channel).as(type);
    }

    /** The next message on any channel. */
    public Message awaitMessage() {
        return take(messages, message -> true, "a message on any channel");
    }

    private Message awaitMessageOn(String channel) {
        return take(messages, message -> message.channel().equals(channel), "a message on " + channel);
    }

    /** Waits until the server has confirmed this socket on the channel (it may have subscribed it itself). */
    public void awaitSubscribed(String channel) {
        awaitChannel(channel, true);
    }

    /** Waits until the server has confirmed this socket off the channel. */
    public void awaitUnsubscribed(String channel) {
        awaitChannel(channel, false);
    }

    private void awaitChannel(String channel, boolean on) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (client.channels().contains(channel) != on) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + (on ? "subscribed to " : "unsubscribed from ") + channel + " within "
                        + timeout + "; channels: " + client.channels());
            }
            sleep();
        }
    }

    /**
     * The next call the server made to this client function (one not answered by {@link #answer}); answer it with
     * {@link ServerCall#answer} or {@link ServerCall#fail}.
     */
    public ServerCall awaitCall(String function) {
        return take(calls, call -> call.function().equals(function), "a server call of " + function);
    }

    /** The next error the server sent that answered no request, or a failed reconnection. */
    public TokenSocketException awaitError() {
        return take(errors, error -> true, "an error from the server");
    }

    /** Waits until the socket is closed for good (by the server, or a broken connection) and says how. */
    public CloseStatus awaitClosed() {
        return await(client.closed(), "the close of the socket");
    }

    /** Closes the socket (done for every socket after each test anyway). */
    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    private <T> T take(Waiting<T> waiting, java.util.function.Predicate<T> matching, String what) {
        try {
            T item = waiting.take(matching, timeout);
            if (item == null) {
                throw new AssertionError("no " + what + " within " + timeout + "; received meanwhile: messages "
                        + messages.snapshot() + ", calls " + calls.snapshot() + ", errors " + errors.snapshot());
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    /** The stage's value; its failure rethrown as the client's own exception. */
    static <T> T await(CompletionStage<T> stage, String what, Duration timeout) {
        try {
            // The client's own timeout fails the stage first; this bound only guards against a stage that never ends.
            return stage.toCompletableFuture().get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no " + what + " within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    private <T> T await(CompletionStage<T> stage, String what) {
        return await(stage, what, timeout);
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Whether the socket is connected now (it may have been closed by the server). */
    public boolean isOpen() {
        return client.isOpen();
    }
}
