package io.tokensockjs.client.readme;

import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The Java client example of README.md ("The Java client"), compiled with the tests so that it stays true. */
final class ReadmeClientExample {

    private ReadmeClientExample() {
    }

    static TokenSocketClient connect(String sessionId) {
        TokenSocketClient client = TokenSocketClient.builder(URI.create("http://localhost:9080/app"))
                .cookie("JSESSIONID", sessionId)                                    // or header(...), query(...), httpClient(...)
                .function("clock.now", args -> CompletableFuture.completedFuture(Json.createValue(Instant.now().toString())))
                .onMessage((channel, message) -> System.out.println(channel + ": " + message))
                .reconnect(Duration.ofMillis(100), Duration.ofSeconds(5))          // off by default
                .ping(Duration.ofSeconds(25))                                       // off by default; token-sockjs.ping=true
                .connect().toCompletableFuture().join();
        return client;
    }
}
