package it.io.tokensockjs.redis;

import io.tokensockjs.client.HistoryPosition;
import io.tokensockjs.client.TokenSocketClient;
import io.tokensockjs.testing.RedisProcess;

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
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A Redis restart without persistence loses every history: the next message starts a new epoch at offset 1, a
 * client on the channel is told that history was lost, and a client that comes back with its old position is told
 * that recovery is impossible ({@code "recovered":false}) and gets the live messages from there on.
 */
public class HistoryEpochIT {

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

    /** Publishes, trying again while the servers' pooled connections to the restarted Redis are found dead. */
    private static void publishRetrying(TokenSocketClient publisher, String channel, int i) {
        for (int attempt = 1; ; attempt++) {
            try {
                publisher.publish(channel, numbered(i)).toCompletableFuture().join();
                return;
            } catch (CompletionException e) {
                if (attempt == 20) {
                    throw e;
                }
                SharedRedis.sleep(100);
            }
        }
    }

    @Test
    void aRedisRestartWithoutPersistenceGivesANewEpochAndRecoveryIsImpossible() throws Exception {
        String channel = "history.epoch-" + UUID.randomUUID();
        HistoryReceiver live = new HistoryReceiver(channel);
        TokenSocketClient stays = connect(Node.A.client("rita", "user").listener(live));
        HistoryReceiver away = new HistoryReceiver(channel);
        TokenSocketClient leaves = connect(Node.B.client("rosa", "user").listener(away));
        TokenSocketClient publisher = connect(Node.B.client("paul", "user"));
        stays.subscribe(channel).toCompletableFuture().join();
        leaves.subscribe(channel).toCompletableFuture().join();
        for (int i = 0; i < 3; i++) {
            publisher.publish(channel, numbered(i)).toCompletableFuture().join();
        }
        live.awaitMessage(2);
        away.awaitMessage(2);
        HistoryPosition before = stays.position(channel).orElseThrow();
        HistoryPosition awayAt = leaves.position(channel).orElseThrow();
        assertEquals(before, awayAt, "both clients are at the same place");
        leaves.close();

        RedisProcess redis = SharedRedis.start();
        redis.kill();
        redis.start();
        SharedRedis.awaitReady(Duration.ofSeconds(60));
        publishRetrying(publisher, channel, 3);
        live.awaitMessage(3);
        HistoryPosition after = stays.position(channel).orElseThrow();
        assertNotEquals(before.epoch(), after.epoch(), "a new epoch");
        assertEquals(1, after.offset(), "offsets start again");
        assertEquals(1, live.historyLost.get(), "the client on the channel is told that history was lost");

        HistoryReceiver back = new HistoryReceiver(channel);
        TokenSocketClient returning = connect(Node.A.client("rosa", "user").listener(back));
        JsonObject answer = returning.subscribe(channel, awayAt).toCompletableFuture().join().asJsonObject();
        assertEquals(JsonValue.FALSE, answer.get("recovered"), "the answer: " + answer);
        assertEquals(after.epoch(), answer.getString("epoch"));
        assertEquals(1, answer.getInt("offset"), "the client starts after the last message of the new epoch");
        publisher.publish(channel, numbered(4)).toCompletableFuture().join();
        assertEquals(List.of(4), back.awaitMessage(4), "live messages follow; nothing from the lost history");
        assertEquals(1, back.historyLost.get(), "the returning client is told that recovery is impossible");
    }
}
