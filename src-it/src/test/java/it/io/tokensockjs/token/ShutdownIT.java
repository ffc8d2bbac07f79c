package it.io.tokensockjs.token;

import io.tokensockjs.client.TokenSocketClient;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code shutdown()} closes every socket and stops issuing tokens. It ends the server's usefulness, so failsafe
 * runs this class alone, after every other integration test (see the pom).
 */
public class ShutdownIT {

    @Test
    void shutdownClosesEverySocketAndStopsIssuingTokens() throws Exception {
        TokenSocketClient first = TokenServer.client("alice").connect().toCompletableFuture().join();
        TokenSocketClient second = TokenServer.client("bob").connect().toCompletableFuture().join();
        assertEquals("ok", TokenServer.get(TokenServer.httpClient(), "/test-admin/shutdown", Map.of()).body());
        assertEquals(1001, first.closed().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS).code());
        second.closed().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        HttpResponse<String> token = TokenServer.get(TokenServer.loggedIn("alice"), "/socket/token", Map.of());
        assertEquals(503, token.statusCode());
        assertEquals("{\"error\":\"Server shutting down\"}", token.body());
        assertEquals("0", TokenServer.get(TokenServer.httpClient(), "/test-admin/sockets", Map.of()).body());
    }
}
