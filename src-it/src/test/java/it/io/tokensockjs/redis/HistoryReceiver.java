package it.io.tokensockjs.redis;

import io.tokensockjs.client.ClientListener;
import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener of the history tests: the {@code i} of every message on its channel, in arrival order, and how often
 * the client was told that history was lost or that it reconnected.
 */
final class HistoryReceiver implements ClientListener {

    private final String channel;
    private final List<Integer> received = new ArrayList<>();
    final AtomicInteger historyLost = new AtomicInteger();
    final AtomicInteger reconnected = new AtomicInteger();

    HistoryReceiver(String channel) {
        this.channel = channel;
    }

    @Override
    public synchronized void onMessage(String on, JsonValue message) {
        if (on.equals(channel) && message instanceof JsonObject object) {
            received.add(object.getInt("i"));
            notifyAll();
        }
    }

    @Override
    public void onHistoryLost(String on) {
        historyLost.incrementAndGet();
    }

    @Override
    public void onReconnected() {
        reconnected.incrementAndGet();
    }

    synchronized List<Integer> received() {
        return List.copyOf(received);
    }

    /** Waits until a message with this {@code i} arrived (60 s at most), and answers everything received. */
    synchronized List<Integer> awaitMessage(int i) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!received.contains(i)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("message " + i + " did not arrive on " + channel + "; " + received.size()
                        + " arrived, the last " + (received.isEmpty() ? "none" : received.get(received.size() - 1)));
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(received);
    }

    /** The error a request failed with, as the server sent it. */
    static String error(java.util.concurrent.CompletionStage<JsonValue> request) {
        try {
            JsonValue answer = request.toCompletableFuture().join();
            throw new AssertionError("answered " + answer + " instead of an error");
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof io.tokensockjs.client.ServerErrorException refused) {
                return ((jakarta.json.JsonString) refused.error()).getString();
            }
            throw e;
        }
    }

    /** The client's id on its server. */
    static String socketId(TokenSocketClient client) {
        return client.rpc("math.whoami", JsonValue.NULL).toCompletableFuture().join().asJsonObject().getString("socket");
    }
}
