package it.io.tokensockjs.redis;

import io.tokensockjs.client.AuthenticationRefusedException;
import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code token-sockjs.debug}: redisB runs with it on and logs every message a socket sends at INFO, so the line
 * reaches its messages.log; redisA runs with the default (off), where the same line is FINE and never written.
 */
class DebugLogIT {

    @BeforeAll
    static void redis() {
        SharedRedis.start();
    }

    @Test
    void withDebugOnEveryMessageIsLoggedAtInfo() {
        ServerLog log = ServerLog.mark(Node.B);
        String marker = sendMarker(Node.B);
        Pattern line = Pattern.compile(" I socket \\S+ <- .*" + marker);
        await(() -> log.count(line) == 1, "redisB logged the message at INFO");
    }

    @Test
    void withDebugOffNoMessageIsLogged() {
        ServerLog log = ServerLog.mark(Node.A);
        String marker = sendMarker(Node.A);
        // A fence: a line redisA writes at INFO in any case, after the marker's message was read (and, had it been
        // logged, written). Once the fence is in the file the marker would be too.
        HttpClient http = HttpClient.newHttpClient();
        CompletionException refused = assertThrows(CompletionException.class,
                () -> Node.A.client(http).connectWith("not-a-token-" + marker).toCompletableFuture().join());
        assertEquals("Invalid token", assertInstanceOf(AuthenticationRefusedException.class, refused.getCause()).getMessage());
        await(() -> log.count(Pattern.compile("socket \\S+ refused: unknown, expired or used token")) >= 1, "the fence");
        assertEquals(0, log.count(Pattern.compile(marker)), "redisA logged nothing of the message");
    }

    /** Calls a function with a unique argument on the node and returns the argument. */
    private static String sendMarker(Node node) {
        String marker = "debug-marker-" + UUID.randomUUID();
        TokenSocketClient client = node.client("debug", "user").connect().toCompletableFuture().join();
        try {
            assertEquals(Json.createValue(marker), client.rpc("math.echo", Json.createValue(marker)).toCompletableFuture().join());
        } finally {
            client.close();
        }
        return marker;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s: " + what);
            }
            SharedRedis.sleep(50);
        }
    }
}
