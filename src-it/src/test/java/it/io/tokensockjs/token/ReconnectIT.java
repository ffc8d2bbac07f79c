package it.io.tokensockjs.token;

import io.tokensockjs.client.ClientListener;
import io.tokensockjs.client.CloseStatus;
import io.tokensockjs.client.ConnectionClosedException;
import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java client's reconnection against the real server: a fresh token, its channels back, messages flow again. */
public class ReconnectIT {

    @Test
    void aClosedSocketComesBackWithAFreshTokenAndItsChannels() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (TokenSocketClient client = TokenServer.client("phoenix").reconnect(Duration.ofMillis(50), Duration.ofSeconds(1))
                .listener(new ClientListener() {
                    @Override
                    public void onMessage(String channel, JsonValue message) {
                        events.add("message " + channel + " " + message);
                    }

                    @Override
                    public void onDisconnected(ConnectionClosedException cause) {
                        events.add("disconnected " + cause.status().code());
                    }

                    @Override
                    public void onReconnected() {
                        events.add("reconnected");
                    }
                }).connect().toCompletableFuture().get(20, TimeUnit.SECONDS)) {
            client.subscribe("phoenix-news").toCompletableFuture().get(20, TimeUnit.SECONDS);
            client.rpc("server.closeMe", JsonValue.NULL).toCompletableFuture().get(20, TimeUnit.SECONDS);
            String disconnected = events.poll(20, TimeUnit.SECONDS);
            assertNotNull(disconnected);
            assertTrue(disconnected.startsWith("disconnected "), disconnected);
            assertEquals("reconnected", events.poll(20, TimeUnit.SECONDS));

            // The server's view: the new socket is on the channel again, so a message published now arrives.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!client.rpc("server.myChannels", JsonValue.NULL).toCompletableFuture().get(20, TimeUnit.SECONDS)
                    .equals(Json.createArrayBuilder().add("phoenix-news").build()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            client.rpc("server.publish", Json.createObjectBuilder().add("channel", "phoenix-news").add("data", "back").build())
                    .toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertEquals("message phoenix-news \"back\"", events.poll(20, TimeUnit.SECONDS));
            assertEquals(Set.of("phoenix-news"), client.channels());
            assertTrue(client.isOpen());
        }
    }

    @Test
    void aLoggedOutSessionEndsTheAttemptsAndClosesTheClient() throws Exception {
        java.net.http.HttpClient session = TokenServer.loggedIn("leaving");
        TokenSocketClient client = TokenSocketClient.builder(TokenServer.base()).httpClient(session).timeout(Duration.ofSeconds(20))
                .reconnect(Duration.ofMillis(50), Duration.ofSeconds(1)).connect().toCompletableFuture().get(20, TimeUnit.SECONDS);
        TokenServer.get(session, "/test/logout", java.util.Map.of());
        client.rpc("server.closeMe", JsonValue.NULL).toCompletableFuture().get(20, TimeUnit.SECONDS);
        CloseStatus closed = client.closed().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertTrue(closed.code() != CloseStatus.CLOSED_BY_CLIENT.code() || !closed.reason().equals(CloseStatus.CLOSED_BY_CLIENT.reason()),
                "closed by the server, then no token: " + closed);
    }
}
