package it.io.tokensockjs.redis;

import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two dispatch modes of {@code token-sockjs.rpc.dispatch}, told apart by {@code rendezvous.meet}: a blocking
 * function that returns "met" only if a second call with the same key runs while it waits (1.5 s), else "alone".
 * Two calls are sent back to back on one socket. redisA runs functions on the thread that read the message (the
 * default): the second call is read only after the first gave up. redisB runs them on the managed executor: they
 * overlap.
 */
class RpcDispatchIT {

    @BeforeAll
    static void redisRuns() {
        // Both servers keep their tokens in the shared Redis: started here too, so that this class passes when it
        // runs before the other Redis tests, or alone.
        SharedRedis.start();
    }

    @Test
    void onTheReadingThreadOneSocketsBlockingCallsRunOneAfterTheOther() {
        assertEquals(List.of("alone", "met"), twoCallsOnOneSocket(Node.A));
    }

    @Test
    void onTheExecutorOneSocketsBlockingCallsOverlap() {
        assertEquals(List.of("met", "met"), twoCallsOnOneSocket(Node.B));
    }

    private static List<String> twoCallsOnOneSocket(Node node) {
        TokenSocketClient client = node.client("dispatch", "user").connect().toCompletableFuture().join();
        try {
            JsonValue key = Json.createValue(UUID.randomUUID().toString());
            CompletableFuture<JsonValue> first = client.rpc("rendezvous.meet", key).toCompletableFuture();
            CompletableFuture<JsonValue> second = client.rpc("rendezvous.meet", key).toCompletableFuture();
            return List.of(text(first.join()), text(second.join()));
        } finally {
            client.close();
        }
    }

    private static String text(JsonValue value) {
        return ((jakarta.json.JsonString) value).getString();
    }
}
