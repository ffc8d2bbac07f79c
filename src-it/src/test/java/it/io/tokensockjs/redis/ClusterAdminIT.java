package it.io.tokensockjs.redis;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

import io.tokensockjs.client.TokenSocketClient;

import it.io.tokensockjs.sockjs.browser.Chromium;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API across the two servers that share the test's Redis: every request goes to server A's API and acts on
 * sockets of both, or of B alone. A server that is live in Redis but never answers is named in the listing's
 * {@code unanswered} instead of failing it, and the dashboard says so above its tables.
 */
public class ClusterAdminIT {

    /** Names of this run: the servers outlive a run. */
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    /** The secret src-it's microprofile-config.properties sets, on every server. */
    private static final String SECRET = "it-admin-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final List<TokenSocketClient> clients = new ArrayList<>();

    @BeforeAll
    static void redis() {
        SharedRedis.start();
        ClusterIT.awaitHeartbeats();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TokenSocketClient::close);
    }

    private Member member(Node node, String user) {
        Member member = Member.connect(node, user, "user");
        clients.add(member.client());
        return member;
    }

    /** {@code cluster.me} of the test application: the socket's id and its server's id. */
    private static JsonObject me(Member member) {
        return member.call("cluster.me", JsonValue.NULL).asJsonObject();
    }

    private static HttpResponse<String> admin(Node node, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + "/token-sockjs/admin" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + SECRET)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The subscribers of a channel as server A's API counts them; 0 when it is not listed. */
    private static int subscribers(String channel) throws Exception {
        JsonObject page = ok(admin(Node.A, "GET", "/channels?limit=500", null));
        assertEquals(List.of(), page.getJsonArray("unanswered"), "every server answered");
        return page.getJsonArray("channels").getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("channel").equals(channel)).mapToInt(entry -> entry.getInt("subscribers"))
                .findFirst().orElse(0);
    }

    @Test
    void listsAndPagesTheSocketsOfBothServersAndSumsChannels() throws Exception {
        String room = "adminx-room-" + RUN;
        Member onA = member(Node.A, "adminx-" + RUN + "-a");
        Member onB1 = member(Node.B, "adminx-" + RUN + "-b1");
        Member onB2 = member(Node.B, "adminx-" + RUN + "-b2");
        for (Member member : List.of(onA, onB1, onB2)) {
            member.subscribe(room);
        }
        Map<String, String> serverOf = List.of(onA, onB1, onB2).stream().map(ClusterAdminIT::me)
                .collect(Collectors.toMap(me -> me.getString("socket"), me -> me.getString("server")));
        String serverA = me(onA).getString("server");
        String serverB = me(onB1).getString("server");
        assertNotEquals(serverA, serverB);

        JsonObject all = ok(admin(Node.A, "GET", "/sockets?q=" + encode("adminx-" + RUN), null));
        assertEquals(3, all.getInt("total"));
        assertEquals(List.of(), all.getJsonArray("unanswered"));
        JsonArray sockets = all.getJsonArray("sockets");
        assertEquals(3, sockets.size());
        for (JsonObject socket : sockets.getValuesAs(JsonObject.class)) {
            assertEquals(serverOf.get(socket.getString("id")), socket.getString("server"), "each socket names its server");
            assertEquals(List.of(Json.createValue(room)), socket.getJsonArray("channels"));
        }

        // Pages over the merged listing: disjoint, in the same order as the whole.
        List<String> order = sockets.getValuesAs(JsonObject.class).stream().map(socket -> socket.getString("id")).toList();
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            JsonObject page = ok(admin(Node.A, "GET", "/sockets?limit=1&offset=" + offset + "&q=" + encode("adminx-" + RUN), null));
            assertEquals(3, page.getInt("total"));
            paged.add(page.getJsonArray("sockets").getJsonObject(0).getString("id"));
        }
        assertEquals(order, paged);
        JsonObject onlyB = ok(admin(Node.A, "GET", "/sockets?q=" + encode("adminx-" + RUN + "-b"), null));
        assertEquals(2, onlyB.getInt("total"));
        onlyB.getJsonArray("sockets").getValuesAs(JsonObject.class)
                .forEach(socket -> assertEquals(serverB, socket.getString("server")));

        // One socket of the other server, shown by A.
        String bId = me(onB1).getString("socket");
        JsonObject shown = ok(admin(Node.A, "GET", "/sockets/" + encode(bId), null));
        assertEquals(bId, shown.getString("id"));
        assertEquals(serverB, shown.getString("server"));

        assertEquals(3, subscribers(room), "subscribers summed over both servers");
        assertEquals(3, ok(admin(Node.B, "GET", "/sockets?q=" + encode("adminx-" + RUN), null)).getInt("total"),
                "the other server's API sees the same");
        assertEquals(400, admin(Node.A, "GET", "/sockets?offset=990&limit=20", null).statusCode(),
                "pages deeper than a cluster-wide listing serves are refused");
    }

    @Test
    void unsubscribesAndClosesASocketOfTheOtherServer() throws Exception {
        String room = "adminx-leave-" + RUN;
        Member onA = member(Node.A, "adminx-" + RUN + "-stays");
        Member onB = member(Node.B, "adminx-" + RUN + "-goes");
        onA.subscribe(room);
        onB.subscribe(room);
        String bId = me(onB).getString("socket");
        assertEquals(2, subscribers(room));

        HttpResponse<String> unsubscribed = admin(Node.A, "POST", "/sockets/" + encode(bId) + "/unsubscribe",
                "{\"channel\":\"" + room + "\"}");
        assertEquals(204, unsubscribed.statusCode(), unsubscribed.body());
        assertEquals(1, subscribers(room));
        assertEquals(List.of(), ok(admin(Node.A, "GET", "/sockets/" + encode(bId), null)).getJsonArray("channels"));
        assertEquals(404, admin(Node.A, "POST", "/sockets/" + encode(bId) + "/unsubscribe", "{\"channel\":\"" + room + "\"}")
                .statusCode(), "not on the channel any more");

        assertEquals(204, admin(Node.A, "DELETE", "/sockets/" + encode(bId), null).statusCode());
        assertEquals(3000, onB.client().closed().toCompletableFuture().get(10, TimeUnit.SECONDS).code());
        assertTrue(onA.client().isOpen(), "only that socket closed");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (admin(Node.A, "GET", "/sockets/" + encode(bId), null).statusCode() != 404) {
            assertTrue(System.nanoTime() < deadline, "the closed socket is still shown");
            SharedRedis.sleep(100);
        }
        assertEquals(404, admin(Node.A, "DELETE", "/sockets/" + encode(bId), null).statusCode());
    }

    @Test
    void aServerThatDoesNotAnswerIsNamedAndTheOthersAreListed() throws Exception {
        Member onA = member(Node.A, "adminx-" + RUN + "-quiet-a");
        Member onB = member(Node.B, "adminx-" + RUN + "-quiet-b");
        String silent = "adminx-silent-" + RUN;
        // A server that is live in Redis (its id among the servers, its liveness key set) but listens to nothing.
        try (Jedis jedis = new Jedis(Node.HOST, Integer.getInteger("it.redis.port"));
                Chromium chromium = Chromium.launch()) {
            jedis.sadd("token-sockjs:cluster:servers", silent);
            jedis.set("token-sockjs:cluster:server:" + silent, "1", SetParams.setParams().px(60_000));
            Page dashboard = chromium.newContext().newPage();
            try {
                JsonObject page = ok(admin(Node.A, "GET", "/sockets?q=" + encode("adminx-" + RUN + "-quiet"), null));
                assertEquals(List.of(Json.createValue(silent)), page.getJsonArray("unanswered"));
                assertEquals(2, page.getInt("total"), page.toString());
                Set<String> ids = page.getJsonArray("sockets").getValuesAs(JsonObject.class).stream()
                        .map(socket -> socket.getString("id")).collect(Collectors.toSet());
                assertEquals(Set.of(me(onA).getString("socket"), me(onB).getString("socket")), ids);
                JsonObject channels = ok(admin(Node.A, "GET", "/channels", null));
                assertEquals(List.of(Json.createValue(silent)), channels.getJsonArray("unanswered"));

                // The dashboard says which server's sockets and channels its tables lack.
                dashboard.navigate(Node.A.base() + "/token-sockjs/dashboard");
                dashboard.waitForSelector("#login:not([hidden])");
                dashboard.fill("#secret", SECRET);
                dashboard.click("#login button");
                dashboard.waitForSelector("#unanswered:not([hidden])");
                assertTrue(dashboard.textContent("#unanswered").contains(silent), dashboard.textContent("#unanswered"));
            } finally {
                jedis.del("token-sockjs:cluster:server:" + silent);
                jedis.srem("token-sockjs:cluster:servers", silent);
            }
            // Once the server is gone from Redis, a later poll takes the note away.
            dashboard.waitForSelector("#unanswered", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
        }
        assertFalse(ok(admin(Node.A, "GET", "/sockets", null)).getJsonArray("unanswered").contains(Json.createValue(silent)));
    }
}
