package it.io.tokensockjs.ops;

import io.tokensockjs.client.TokenSocketClient;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API with the right secret, and every refusal: who has no credential or the wrong one learns nothing. */
public class AdminApiIT {

    private final List<TokenSocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TokenSocketClient::close);
    }

    private TokenSocketClient connect(String user) throws Exception {
        TokenSocketClient client = OpsServer.client(user, "user").connect().toCompletableFuture().join();
        clients.add(client);
        return client;
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonArray sockets(String query) throws Exception {
        HttpResponse<String> response = OpsServer.admin("GET", "/sockets?" + query, null);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("sockets");
    }

    @Test
    void withoutTheCredentialEveryRouteIsRefusedAndSaysNothing() throws Exception {
        TokenSocketClient client = connect("ops-victim");
        String id = sockets("q=ops-victim").getJsonObject(0).getString("id");
        String[][] routes = {
            {"GET", "/sockets", null}, {"GET", "/sockets/" + id, null}, {"GET", "/sockets/no-such-socket", null},
            {"DELETE", "/sockets/" + id, null}, {"POST", "/sockets/" + id + "/unsubscribe", "{\"channel\":\"x\"}"},
            {"GET", "/channels", null}, {"POST", "/publish", "{\"channel\":\"x\",\"data\":1}"}, {"GET", "/metrics", null},
        };
        for (String[] route : routes) {
            HttpResponse<String> anonymous = OpsServer.admin(route[0], route[1], route[2], null);
            assertEquals(401, anonymous.statusCode(), route[0] + " " + route[1]);
            assertEquals("{\"error\":\"Unauthorized\"}", anonymous.body());
            assertEquals("Bearer realm=\"token-sockjs\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(null));
            for (String wrong : List.of("Bearer " + OpsServer.SECRET + "x", "Bearer " + OpsServer.SECRET.substring(1), "Bearer ",
                    "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + OpsServer.SECRET).getBytes()), "bearer nope")) {
                HttpResponse<String> refused = OpsServer.admin(route[0], route[1], route[2], wrong);
                assertEquals(403, refused.statusCode(), route[0] + " " + route[1] + " with " + wrong);
                assertEquals("{\"error\":\"Forbidden\"}", refused.body());
            }
        }
        assertTrue(client.isOpen(), "no refused request closed the socket");
    }

    @Test
    void listsPagesAndFiltersSockets() throws Exception {
        for (int i = 0; i < 3; i++) {
            connect("ops-pager-" + i);
        }
        TokenSocketClient other = connect("ops-other");
        other.subscribe("ops-filter-room").toCompletableFuture().join();

        HttpResponse<String> first = OpsServer.admin("GET", "/sockets?q=ops-pager&limit=2", null);
        JsonObject page = json(first);
        assertEquals(3, page.getInt("total"));
        assertEquals(2, page.getInt("limit"));
        assertEquals(2, page.getJsonArray("sockets").size());
        JsonObject second = json(OpsServer.admin("GET", "/sockets?q=ops-pager&limit=2&offset=2", null));
        assertEquals(1, second.getJsonArray("sockets").size());
        assertFalse(page.getJsonArray("sockets").contains(second.getJsonArray("sockets").get(0)), "pages do not overlap");

        JsonObject socket = page.getJsonArray("sockets").getJsonObject(0);
        assertTrue(socket.getString("auth").contains("ops-pager-"), socket.toString());
        assertEquals("websocket", socket.getString("transport"));
        assertEquals("127.0.0.1", socket.getString("ip"));
        assertEquals("local", socket.getString("server"));
        assertNotNull(socket.getString("created"));
        assertEquals(0, socket.getJsonNumber("queuedBytes").longValue());

        JsonArray inRoom = sockets("channel=ops-filter-room");
        assertEquals(1, inRoom.size());
        assertTrue(inRoom.getJsonObject(0).getString("auth").contains("ops-other"));
        assertEquals(List.of(Json.createValue("ops-filter-room")), inRoom.getJsonObject(0).getJsonArray("channels"));
        assertEquals(0, sockets("q=ops-pager&transport=xhr-streaming").size());
        assertEquals(3, sockets("q=ops-pager&ip=127.0.0.1").size());

        // Page sizes are capped, and what is not a page is refused.
        assertEquals(500, json(OpsServer.admin("GET", "/sockets?limit=100000", null)).getInt("limit"));
        for (String bad : List.of("limit=-1", "limit=abc", "limit=0", "offset=-5", "offset=1e3", "q=" + "x".repeat(300))) {
            HttpResponse<String> refused = OpsServer.admin("GET", "/sockets?" + bad, null);
            assertEquals(400, refused.statusCode(), bad);
            assertTrue(json(refused).containsKey("error"));
        }
    }

    @Test
    void showsAndClosesOneSocketAndUnknownIdsAre404() throws Exception {
        TokenSocketClient client = connect("ops-closeme");
        String id = sockets("q=ops-closeme").getJsonObject(0).getString("id");

        HttpResponse<String> shown = OpsServer.admin("GET", "/sockets/" + OpsServer.encode(id), null);
        assertEquals(200, shown.statusCode());
        assertEquals(id, json(shown).getString("id"));

        assertEquals(404, OpsServer.admin("GET", "/sockets/no-such-socket", null).statusCode());
        assertEquals(404, OpsServer.admin("DELETE", "/sockets/no-such-socket", null).statusCode());
        assertEquals(404, OpsServer.admin("POST", "/sockets/no-such-socket/unsubscribe", "{\"channel\":\"x\"}").statusCode());

        assertEquals(204, OpsServer.admin("DELETE", "/sockets/" + OpsServer.encode(id), null).statusCode());
        assertEquals(3000, client.closed().toCompletableFuture().get(10, TimeUnit.SECONDS).code());
        assertEquals(404, OpsServer.admin("GET", "/sockets/" + OpsServer.encode(id), null).statusCode());
    }

    @Test
    void channelsPublishAndUnsubscribe() throws Exception {
        LinkedBlockingQueue<JsonValue> received = new LinkedBlockingQueue<>();
        TokenSocketClient listener = OpsServer.client("ops-listener", "user")
                .onMessage((channel, message) -> received.add(message)).connect().toCompletableFuture().join();
        clients.add(listener);
        TokenSocketClient second = connect("ops-second");
        listener.subscribe("ops-admin-room").toCompletableFuture().join();
        second.subscribe("ops-admin-room").toCompletableFuture().join();

        JsonArray channels = json(OpsServer.admin("GET", "/channels?limit=500", null)).getJsonArray("channels");
        assertTrue(channels.contains(Json.createObjectBuilder().add("channel", "ops-admin-room").add("subscribers", 2).build()),
                channels.toString());

        HttpResponse<String> published = OpsServer.admin("POST", "/publish", "{\"channel\":\"ops-admin-room\",\"data\":{\"from\":\"admin\"}}");
        assertEquals(202, published.statusCode(), published.body());
        assertEquals(Json.createObjectBuilder().add("from", "admin").build(), received.poll(10, TimeUnit.SECONDS));

        for (String bad : List.of("not json", "[1]", "{}", "{\"channel\":\"\"}", "{\"channel\":7}",
                "{\"channel\":\"token-sockjs:broadcast\",\"data\":1}", "{\"channel\":\"" + "x".repeat(70_000) + "\"}")) {
            HttpResponse<String> refused = OpsServer.admin("POST", "/publish", bad);
            assertEquals(400, refused.statusCode(), bad.length() > 80 ? bad.substring(0, 80) : bad);
        }

        String id = sockets("q=ops-listener").getJsonObject(0).getString("id");
        assertEquals(204, OpsServer.admin("POST", "/sockets/" + OpsServer.encode(id) + "/unsubscribe", "{\"channel\":\"ops-admin-room\"}").statusCode());
        for (int i = 0; i < 200 && listener.channels().contains("ops-admin-room"); i++) {
            Thread.sleep(50);
        }
        assertFalse(listener.channels().contains("ops-admin-room"), "the client was told it left the channel");
        assertEquals(404, OpsServer.admin("POST", "/sockets/" + OpsServer.encode(id) + "/unsubscribe", "{\"channel\":\"ops-admin-room\"}").statusCode(),
                "no longer on it");
        channels = json(OpsServer.admin("GET", "/channels?limit=500", null)).getJsonArray("channels");
        assertTrue(channels.contains(Json.createObjectBuilder().add("channel", "ops-admin-room").add("subscribers", 1).build()),
                channels.toString());
    }
}
