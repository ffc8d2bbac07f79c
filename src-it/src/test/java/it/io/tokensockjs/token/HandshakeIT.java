package it.io.tokensockjs.token;

import io.tokensockjs.client.AuthenticationRefusedException;
import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auth handshake: tokens used once and in time, the first-message rule, vetoes, cleanup and close events. */
public class HandshakeIT {

    private static String refusal(TokenSocketClient.Builder builder, String token) {
        CompletionException failure = assertThrows(CompletionException.class,
                () -> builder.connectWith(token).toCompletableFuture().join());
        return assertInstanceOf(AuthenticationRefusedException.class, failure.getCause()).getMessage();
    }

    @Test
    void replayedTokenIsRefused() throws Exception {
        TokenSocketClient.Builder alice = TokenServer.client("alice");
        String token = alice.requestToken().toCompletableFuture().join();
        try (TokenSocketClient first = alice.connectWith(token).toCompletableFuture().join()) {
            assertTrue(first.isOpen());
            assertEquals("Invalid token", refusal(alice, token));
        }
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        TokenSocketClient.Builder alice = TokenServer.client("alice");
        String token = alice.requestToken().toCompletableFuture().join();
        Thread.sleep(3_500); // the test application's token TTL is 3 s
        assertEquals("Invalid token", refusal(alice, token));
    }

    @Test
    void forgedTokenIsRefused() throws Exception {
        assertEquals("Invalid token", refusal(TokenServer.client("alice"), "00000000-0000-4000-8000-000000000000"));
    }

    @Test
    void hundredSocketsRacingWithOneTokenExactlyOneWins() throws Exception {
        TokenSocketClient.Builder alice = TokenServer.client("alice");
        String token = alice.requestToken().toCompletableFuture().join();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<TokenSocketClient>> attempts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<CompletableFuture<TokenSocketClient>> shared = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 100; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                shared.add(alice.connectWith(token).toCompletableFuture());
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        attempts.addAll(shared);
        assertEquals(100, attempts.size());
        int won = 0;
        int refused = 0;
        for (CompletableFuture<TokenSocketClient> attempt : attempts) {
            try {
                attempt.get(30, TimeUnit.SECONDS).close();
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertEquals("Invalid token", assertInstanceOf(AuthenticationRefusedException.class, e.getCause()).getMessage());
                refused++;
            }
        }
        assertEquals(1, won);
        assertEquals(99, refused);
    }

    @Test
    void anythingButAuthFirstIsForbiddenAndClosed() throws Exception {
        try (RawSocket raw = new RawSocket()) {
            raw.send("{\"rpc\":\"math.add\",\"req\":{\"a\":1,\"b\":2},\"uuid\":\"u1\"}");
            assertEquals("{\"rpc\":\"math.add\",\"uuid\":\"u1\",\"error\":\"Forbidden\"}", raw.next());
            assertEquals(4001, raw.awaitClose());
        }
    }

    @Test
    void brokenJsonIsAnsweredAndTheSocketStaysUsable() throws Exception {
        try (RawSocket raw = new RawSocket()) {
            raw.send("{not json");
            assertEquals("{\"error\":\"Invalid message\"}", raw.next());
            raw.send("[1,2,3]");
            assertEquals("{\"error\":\"Invalid message\"}", raw.next());
            String token = TokenServer.client("alice").requestToken().toCompletableFuture().join();
            raw.send("{\"rpc\":\"auth\",\"token\":\"" + token + "\",\"uuid\":\"a\"}");
            assertEquals("{\"rpc\":\"auth\",\"uuid\":\"a\",\"resp\":\"success\"}", raw.next());
        }
    }

    @Test
    void vetoRefusesWithItsReason() throws Exception {
        assertEquals("Banned", refusal(TokenServer.client("banned"), TokenServer.client("banned").requestToken().toCompletableFuture().join()));
    }

    @Test
    void laterDecisionsWaitWithoutRefusing() throws Exception {
        try (TokenSocketClient slow = TokenServer.client("slow").connect().toCompletableFuture().join()) {
            assertEquals(Json.createValue(3), slow.rpc("math.add", Json.createObjectBuilder().add("a", 1).add("b", 2).build())
                    .toCompletableFuture().join());
        }
        TokenSocketClient.Builder slowBanned = TokenServer.client("slowbanned");
        assertEquals("Not today", refusal(slowBanned, slowBanned.requestToken().toCompletableFuture().join()));
    }

    @Test
    void observersMayCallTheClientBeforeSuccess() throws Exception {
        List<JsonValue> greetings = new CopyOnWriteArrayList<>();
        try (TokenSocketClient client = TokenServer.client("greeted").function("hello", args -> {
            greetings.add(args);
            return CompletableFuture.completedFuture(Json.createValue("hi"));
        }).connect().toCompletableFuture().join()) {
            assertEquals(List.of(Json.createValue("before success")), greetings);
            SocketRpcIT.awaitEvent("greeted answered \"hi\"");
        }
    }

    @Test
    void unauthenticatedSocketsAreCleanedUp() throws Exception {
        assertEquals("ok", TokenServer.get(TokenServer.httpClient(), "/test-admin/cleanup?ms=300", Map.of()).body());
        try (RawSocket idle = new RawSocket(); TokenSocketClient authenticated = TokenServer.client("alice").connect().toCompletableFuture().join()) {
            assertEquals(4002, idle.awaitClose());
            Thread.sleep(600);
            assertTrue(authenticated.isOpen(), "authenticated sockets are left alone");
        } finally {
            TokenServer.get(TokenServer.httpClient(), "/test-admin/cleanup?ms=0", Map.of());
        }
    }

    @Test
    void closingFiresTheClosedEvent() throws Exception {
        TokenSocketClient client = TokenServer.client("alice").connect().toCompletableFuture().join();
        String id = client.rpc("math.whoami", JsonValue.NULL).toCompletableFuture().join().asJsonObject().getString("socket");
        client.close();
        SocketRpcIT.awaitEvent("closed " + id + " 1000");
    }
}
