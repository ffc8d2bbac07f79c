package it.io.tokensockjs.redis;

import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.JsonValue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A connected client and what it received on its channels, as {@code channel message-json}. */
record Member(Node node, TokenSocketClient client, BlockingQueue<String> inbox) {

    static Member connect(Node node, String user, String role) {
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        TokenSocketClient client = node.client(user, role)
                .onMessage((channel, message) -> inbox.add(channel + " " + message))
                .connect().toCompletableFuture().join();
        return new Member(node, client, inbox);
    }

    String next() throws InterruptedException {
        String message = inbox.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no channel message on " + node + " within 10 s");
        }
        return message;
    }

    void subscribe(String channel) {
        client.subscribe(channel).toCompletableFuture().join();
    }

    JsonValue call(String function, JsonValue req) {
        return client.rpc(function, req).toCompletableFuture().join();
    }
}
