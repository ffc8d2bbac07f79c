package it.io.tokensockjs.redis;

import io.tokensockjs.client.HistoryPosition;
import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recovery after a reconnection, across two servers that share a Redis (channels {@code history.*} keep the last
 * 1000 messages in Redis Streams): a socket that is away for two seconds while 500 messages are published gets all of
 * them when it comes back, in order and each once, then the live ones - back on the same server (the Java client's
 * automatic reconnection) and on the other one (a new client subscribing from the position the first one had).
 */
public class HistoryRecoveryIT {

    private static final int MISSED = 500;
    private final List<TokenSocketClient> clients = new ArrayList<>();

    @BeforeAll
    static void redis() {
        SharedRedis.start();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TokenSocketClient::close);
    }

    private TokenSocketClient connect(TokenSocketClient.Builder builder) {
        TokenSocketClient client = builder.connect().toCompletableFuture().join();
        clients.add(client);
        return client;
    }

    private static JsonObject numbered(int i) {
        return Json.createObjectBuilder().add("i", i).build();
    }

    /** Publishes {@code i} from {@code from} to {@code to - 1}, all sent at once, and waits for every answer. */
    private static void publish(TokenSocketClient publisher, String channel, int from, int to) {
        List<CompletableFuture<JsonValue>> answers = new ArrayList<>();
        for (int i = from; i < to; i++) {
            answers.add(publisher.publish(channel, numbered(i)).toCompletableFuture());
        }
        answers.forEach(CompletableFuture::join);
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void aSocketAwayForTwoSecondsRecoversAllFiveHundredOnTheSameServer() throws Exception {
        String channel = "history.same-" + UUID.randomUUID();
        HistoryReceiver receiver = new HistoryReceiver(channel);
        // The client waits two seconds before it reconnects: the messages of those seconds are missed.
        TokenSocketClient client = connect(Node.A.client("rita", "user").listener(receiver)
                .reconnect(Duration.ofSeconds(2), Duration.ofSeconds(2)));
        TokenSocketClient publisher = connect(Node.B.client("paul", "user"));
        JsonObject answer = client.subscribe(channel).toCompletableFuture().join().asJsonObject();
        assertEquals(0, answer.getInt("offset"), "a new channel's history starts at 0: " + answer);
        publish(publisher, channel, 0, 10);
        receiver.awaitMessage(9);
        assertEquals(10, client.position(channel).orElseThrow().offset());

        String socket = HistoryReceiver.socketId(client);
        assertEquals(200, Node.get(Node.A.loggedIn("admin", "admin"), Node.A.base() + "/test-admin/close?socket=" + socket).statusCode(),
                "server A closes the socket, as a restart or a proxy would");
        publish(publisher, channel, 10, 10 + MISSED);
        publish(publisher, channel, 10 + MISSED, 20 + MISSED);   // and more, live or missed: the seam falls anywhere
        List<Integer> received = receiver.awaitMessage(19 + MISSED);

        assertEquals(range(0, 20 + MISSED), received, "every message once, in order, across the reconnection");
        assertEquals(1, receiver.reconnected.get());
        assertEquals(0, receiver.historyLost.get());
        assertEquals(20 + MISSED, client.position(channel).orElseThrow().offset());
    }

    @Test
    void aSocketAwayForTwoSecondsRecoversAllFiveHundredOnTheOtherServer() throws Exception {
        String channel = "history.other-" + UUID.randomUUID();
        HistoryReceiver before = new HistoryReceiver(channel);
        TokenSocketClient onA = connect(Node.A.client("rita", "user").listener(before));
        TokenSocketClient publisher = connect(Node.A.client("paul", "user"));
        onA.subscribe(channel).toCompletableFuture().join();
        publish(publisher, channel, 0, 10);
        before.awaitMessage(9);
        HistoryPosition position = onA.position(channel).orElseThrow();
        onA.close();

        // Away for two seconds while the 500 are published, then back on server B, while more are published.
        CompletableFuture<Void> missed = CompletableFuture.runAsync(() -> publish(publisher, channel, 10, 10 + MISSED));
        Thread.sleep(2000);
        HistoryReceiver after = new HistoryReceiver(channel);
        TokenSocketClient onB = connect(Node.B.client("rita", "user").listener(after));
        CompletableFuture<Void> more = CompletableFuture.runAsync(() -> publish(publisher, channel, 10 + MISSED, 110 + MISSED));
        JsonObject answer = onB.subscribe(channel, position).toCompletableFuture().join().asJsonObject();
        missed.join();
        more.join();
        List<Integer> received = after.awaitMessage(109 + MISSED);

        assertEquals(JsonValue.TRUE, answer.get("recovered"), "the answer: " + answer);
        assertEquals(position.epoch(), answer.getString("epoch"));
        assertEquals(10, answer.getInt("offset"), "it starts where the client was");
        assertEquals(range(10, 110 + MISSED), received, "what was missed, then the live ones: each once, in order");
        assertEquals(0, after.historyLost.get());
        assertTrue(onB.position(channel).orElseThrow().offset() == 110 + MISSED);
    }

    @Test
    void historyAnswersWithOffsetsAndIsOnlyForTheSocketsChannels() {
        String channel = "history.read-" + UUID.randomUUID();
        TokenSocketClient reader = connect(Node.B.client("rita", "user"));
        TokenSocketClient publisher = connect(Node.A.client("paul", "user"));
        publish(publisher, channel, 0, 5);
        assertEquals("Forbidden", HistoryReceiver.error(reader.history(channel, null, 10)), "not on the channel");
        reader.subscribe(channel).toCompletableFuture().join();
        JsonObject latest = reader.history(channel, null, 2).toCompletableFuture().join().asJsonObject();
        assertEquals(5, latest.getInt("offset"));
        assertEquals(List.of(4, 5), latest.getJsonArray("messages").stream().map(m -> m.asJsonObject().getInt("offset")).toList());
        assertEquals(List.of(3, 4), latest.getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getJsonObject("message").getInt("i")).toList());
        JsonObject since = reader.history(channel, new HistoryPosition(latest.getString("epoch"), 1), 100).toCompletableFuture().join()
                .asJsonObject();
        assertEquals(JsonValue.TRUE, since.get("recovered"));
        assertEquals(JsonValue.FALSE, since.get("more"));
        assertEquals(4, since.getJsonArray("messages").size());
        JsonObject otherEpoch = reader.history(channel, new HistoryPosition("gone", 1), 100).toCompletableFuture().join()
                .asJsonObject();
        assertEquals(JsonValue.FALSE, otherEpoch.get("recovered"), "another epoch: what the client has is not this history");
    }
}
