package it.io.tokensockjs.redis;

import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis holds what the configured limits say over a long run: a channel kept by size ({@code bounded.*}: 100) and
 * one kept by age ({@code timed.*}: 2 s) take 20,000 messages each, published through both servers, while the stream
 * length and the stream's memory stay bounded. Prints the figures (stream length, bytes, Redis used_memory) at
 * each checkpoint.
 */
public class HistoryBoundsIT {

    private static final int TOTAL = 20_000;
    private static final int BATCH = 500;
    /** {@code MAXLEN ~} trims whole stream nodes: up to one node (100 entries by default) more than the size. */
    private static final int SIZE_SLACK = 100;

    private final List<TokenSocketClient> clients = new ArrayList<>();

    @BeforeAll
    static void redis() {
        SharedRedis.start();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TokenSocketClient::close);
    }

    private TokenSocketClient connect(Node node, String user) {
        TokenSocketClient client = node.client(user, "user").connect().toCompletableFuture().join();
        clients.add(client);
        return client;
    }

    private static Jedis jedis() {
        return new Jedis(Node.HOST, Integer.getInteger("it.redis.port"));
    }

    private static long usedMemory(Jedis jedis) {
        for (String line : jedis.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new AssertionError("no used_memory in INFO");
    }

    private static void publishBatch(TokenSocketClient a, TokenSocketClient b, String channel, int from) {
        List<CompletableFuture<JsonValue>> answers = new ArrayList<>();
        for (int i = from; i < from + BATCH; i++) {
            TokenSocketClient publisher = i % 2 == 0 ? a : b;
            answers.add(publisher.publish(channel, Json.createObjectBuilder().add("i", i).add("pad", "x".repeat(100)).build())
                    .toCompletableFuture());
        }
        answers.forEach(CompletableFuture::join);
    }

    @Test
    void streamsStayWithinTheirSizeAndAgeOverTwentyThousandMessages() {
        String bySize = "bounded." + UUID.randomUUID();
        String byAge = "timed." + UUID.randomUUID();
        TokenSocketClient onA = connect(Node.A, "pia");
        TokenSocketClient onB = connect(Node.B, "pio");
        String sizeKey = "token-sockjs:history:{" + bySize + "}";
        String ageKey = "token-sockjs:history:{" + byAge + "}";
        long maxSizeLength = 0;
        long maxSizeBytes = 0;
        long maxAgeLength = 0;
        List<String> figures = new ArrayList<>();
        try (Jedis jedis = jedis()) {
            long memoryBefore = usedMemory(jedis);
            figures.add("used_memory before: " + memoryBefore);
            for (int from = 0; from < TOTAL; from += BATCH) {
                publishBatch(onA, onB, bySize, from);
                publishBatch(onA, onB, byAge, from);
                long sizeLength = jedis.xlen(sizeKey);
                Long sizeBytes = jedis.memoryUsage(sizeKey);
                long ageLength = jedis.xlen(ageKey);
                maxSizeLength = Math.max(maxSizeLength, sizeLength);
                maxSizeBytes = Math.max(maxSizeBytes, sizeBytes == null ? 0 : sizeBytes);
                maxAgeLength = Math.max(maxAgeLength, ageLength);
                if ((from + BATCH) % 5000 == 0) {
                    figures.add((from + BATCH) + " messages each: " + bySize.substring(0, 8) + " XLEN " + sizeLength + " ("
                            + sizeBytes + " bytes), timed XLEN " + ageLength + " (" + jedis.memoryUsage(ageKey)
                            + " bytes), used_memory " + usedMemory(jedis));
                }
                assertTrue(sizeLength <= 100 + SIZE_SLACK, "the size-bound stream holds " + sizeLength + " after " + (from + BATCH));
            }
            // Nothing is older than two seconds once two and a half have passed: one more message, and it is alone.
            SharedRedis.sleep(2500);
            onA.publish(byAge, Json.createObjectBuilder().add("i", -1).build()).toCompletableFuture().join();
            assertEquals(1, jedis.xlen(ageKey), "the age-bound stream after its messages expired");
            figures.add("after 2.5 s: timed XLEN " + jedis.xlen(ageKey) + ", used_memory " + usedMemory(jedis));
        }
        // Bounded, and there at all: a server that kept no history would pass the bounds above with empty streams.
        assertTrue(maxSizeLength >= 100, "the size-bound stream filled up to its size: " + maxSizeLength);
        assertTrue(maxAgeLength > 0, "the age-bound stream kept messages: " + maxAgeLength);
        figures.add("max bounded XLEN " + maxSizeLength + ", max bytes " + maxSizeBytes + "; max timed XLEN " + maxAgeLength);
        figures.forEach(line -> System.out.println("[history bounds] " + line));
    }
}
