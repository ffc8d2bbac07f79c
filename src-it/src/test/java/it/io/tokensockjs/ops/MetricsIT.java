package it.io.tokensockjs.ops;

import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scripted workload, and the exact change it makes to each metric, read from the Prometheus scrape before and
 * after. Counters move a moment after the client has its answer (they count on the server's threads), so the scrape
 * is read again until the deltas settle, for at most ten seconds; the assertion is on the exact values.
 */
public class MetricsIT {

    private static final String WS = "service=\"token\",transport=\"websocket\"";

    private final List<TokenSocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TokenSocketClient::close);
    }

    private TokenSocketClient connect(TokenSocketClient.Builder builder) {
        TokenSocketClient client = builder.connect().toCompletableFuture().join();
        clients.add(client);
        return client;
    }

    private static JsonValue call(TokenSocketClient client, String function, JsonValue request) {
        return client.rpc(function, request).toCompletableFuture().join();
    }

    private static void refused(CompletionStage<?> stage) {
        assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
    }

    @Test
    void aScriptedWorkloadMovesEachMetricByExactlyWhatItDid() throws Exception {
        Map<String, Double> before = OpsServer.scrape();

        // Two users connect (2 tokens issued and redeemed); a banned one is vetoed; a made-up token is refused.
        TokenSocketClient alice = connect(OpsServer.client("ops-alice", "user")
                .function("ops.clientTime", args -> CompletableFuture.completedFuture(Json.createValue("noon"))));
        TokenSocketClient bob = connect(OpsServer.client("ops-bob", "user"));
        refused(OpsServer.client("banned", "user").connect());
        refused(OpsServer.client("ops-carol", "user").connectWith("00000000-0000-4000-8000-000000000000"));
        assertEquals(403, OpsServer.send(HttpRequest.newBuilder(URI.create(OpsServer.BASE + "/socket/token")).GET()).statusCode());

        // Calls of server functions with every outcome, and one server call of a client function.
        JsonValue operands = Json.createObjectBuilder().add("a", 2).add("b", 3).build();
        for (int i = 0; i < 3; i++) {
            assertEquals(Json.createValue(5), call(alice, "math.add", operands));
        }
        refused(alice.rpc("math.fail", Json.createValue("no")));
        refused(alice.rpc("math.boom", JsonValue.NULL));
        refused(alice.rpc("ops.noSuchFunction", JsonValue.NULL));
        refused(alice.rpc("math.add", Json.createValue("not operands")));
        JsonValue asked = call(alice, "callback.ask", Json.createObjectBuilder().add("function", "ops.clientTime").add("args", 1).build());
        assertEquals(Json.createValue("noon"), asked.asJsonObject().get("answer"));

        // Pub/sub: bob listens, alice publishes twice; two vetoes.
        bob.subscribe("ops-metrics-room").toCompletableFuture().join();
        alice.publish("ops-metrics-room", Json.createValue("one")).toCompletableFuture().join();
        alice.publish("ops-metrics-room", Json.createValue("two")).toCompletableFuture().join();
        refused(alice.publish("readonly", Json.createValue("no")));
        refused(alice.subscribe("admin"));

        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("tokensockjs_tokens_total{event=\"issued\"}", 3.0);
        expected.put("tokensockjs_tokens_total{event=\"refused\"}", 1.0);
        expected.put("tokensockjs_tokens_total{event=\"redeemed\"}", 3.0);
        expected.put("tokensockjs_tokens_total{event=\"invalid\"}", 1.0);
        expected.put("tokensockjs_sessions_opened_total{" + WS + "}", 4.0);
        expected.put("tokensockjs_sessions_closed_total{service=\"token\",code=\"4001\"}", 2.0);
        expected.put("tokensockjs_vetoes_total{event=\"AuthenticationEvent\"}", 1.0);
        expected.put("tokensockjs_vetoes_total{event=\"PublishEvent\"}", 1.0);
        expected.put("tokensockjs_vetoes_total{event=\"SubscribeEvent\"}", 1.0);
        expected.put("tokensockjs_rpc_server_duration_seconds_count{function=\"math.add\",outcome=\"ok\"}", 3.0);
        expected.put("tokensockjs_rpc_server_duration_seconds_count{function=\"math.add\",outcome=\"invalid_request\"}", 1.0);
        expected.put("tokensockjs_rpc_server_duration_seconds_count{function=\"math.fail\",outcome=\"error\"}", 1.0);
        expected.put("tokensockjs_rpc_server_duration_seconds_count{function=\"math.boom\",outcome=\"internal_error\"}", 1.0);
        expected.put("tokensockjs_rpc_server_duration_seconds_count{function=\"_unknown\",outcome=\"not_found\"}", 1.0);
        expected.put("tokensockjs_rpc_server_duration_seconds_count{function=\"callback.ask\",outcome=\"ok\"}", 1.0);
        expected.put("tokensockjs_rpc_client_duration_seconds_count{function=\"ops.clientTime\",outcome=\"ok\"}", 1.0);
        expected.put("tokensockjs_publishes_total", 2.0);
        expected.put("tokensockjs_deliveries_total", 2.0);
        expected.put("tokensockjs_filter_drops_total", 0.0);
        // In: 4 auth, 8 calls, 1 answer to the server's call, 1 subscribe, 3 publish, 1 subscribe = 18.
        expected.put("tokensockjs_messages_received_total", 18.0);
        // Out: 2 successes and 2 refusals of auth, 8 call answers, the server's call, 1 subscribe (internal message
        // and answer), 2 publish answers and 2 deliveries, 2 vetoes = 21.
        expected.put("tokensockjs_messages_sent_total", 21.0);
        expected.put("tokensockjs_sockets_open{" + WS + "}", 2.0);
        assertDeltas(before, expected);

        Map<String, Double> now = OpsServer.scrape();
        assertTrue(delta(before, now, "tokensockjs_received_bytes_total") > 18 * 20, "bytes in counted");
        assertTrue(delta(before, now, "tokensockjs_sent_bytes_total") > 21 * 10, "bytes out counted");
        assertEquals(3.0, delta(before, now, "tokensockjs_rpc_server_duration_seconds_bucket{function=\"math.add\",outcome=\"ok\",le=\"+Inf\"}"));

        // Closing both: open sockets back, two more closes.
        alice.close();
        bob.close();
        Map<String, Double> closing = new LinkedHashMap<>();
        closing.put("tokensockjs_sockets_open{" + WS + "}", 0.0);
        assertDeltas(before, closing);
    }

    @Test
    void clientInputNeverBecomesALabel() throws Exception {
        TokenSocketClient client = connect(OpsServer.client("ops-dave", "user"));
        Map<String, Double> before = OpsServer.scrape();
        for (int i = 0; i < 50; i++) {
            refused(client.rpc("ops.made.up." + i, JsonValue.NULL));
        }
        client.subscribe("ops-secret-channel-name").toCompletableFuture().join();
        assertDeltas(before, Map.of("tokensockjs_rpc_server_duration_seconds_count{function=\"_unknown\",outcome=\"not_found\"}", 50.0));
        Map<String, Double> after = OpsServer.scrape();
        assertFalse(after.keySet().stream().anyMatch(series -> series.contains("ops.made.up") || series.contains("ops-secret-channel-name")),
                "function names clients invent and channel names are not labels");
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
        return after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
    }

    /** Reads the scrape until every delta is as expected (or ten seconds passed), then asserts them all. */
    private static void assertDeltas(Map<String, Double> before, Map<String, Double> expected) throws Exception {
        Map<String, Double> after = OpsServer.scrape();
        for (int attempt = 0; attempt < 100 && !matches(before, after, expected); attempt++) {
            Thread.sleep(100);
            after = OpsServer.scrape();
        }
        Map<String, Double> actual = new LinkedHashMap<>();
        for (String series : expected.keySet()) {
            actual.put(series, delta(before, after, series));
        }
        assertEquals(expected, actual);
    }

    private static boolean matches(Map<String, Double> before, Map<String, Double> after, Map<String, Double> expected) {
        return expected.entrySet().stream().allMatch(entry -> delta(before, after, entry.getKey()) == entry.getValue());
    }
}
