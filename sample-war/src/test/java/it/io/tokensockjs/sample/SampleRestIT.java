package it.io.tokensockjs.sample;

import io.tokensockjs.junit.Credentials;
import io.tokensockjs.junit.TestSocket;
import io.tokensockjs.junit.TestSockets;
import io.tokensockjs.junit.TokenSocketExtension;
import io.tokensockjs.sample.MeResource;
import io.tokensockjs.sample.StatsResource;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jaxrs.RestClientBuilder;
import org.microshed.testing.jupiter.MicroShedTest;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's REST resources through MicroShed Testing's REST client (manual mode: the server the build started),
 * beside the sockets of the same session: the page's {@code /api/me}, and {@code /api/stats}, which the sockets also
 * reach as the route function {@code stats.get}.
 */
@MicroShedTest
@ExtendWith(TokenSocketExtension.class)
public class SampleRestIT {

    @RESTClient
    public static StatsResource stats;

    @RESTClient
    public static MeResource me;

    @Test
    void meSaysWhoTheSessionBelongsTo(TestSockets sockets) throws Exception {
        assertFalse(me.me(null).getBoolean("loggedIn"), "no session, no user");

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(sockets.applicationUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Uma&role=admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), "the form redirects to the page");
        HttpCookie session = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID")).findFirst().orElseThrow();

        MeResource hers = new RestClientBuilder().withHeader("Cookie", "JSESSIONID=" + session.getValue()).build(MeResource.class);
        JsonObject uma = hers.me(null);
        assertTrue(uma.getBoolean("loggedIn"));
        assertEquals("Uma", uma.getString("name"));

        TestSocket socket = sockets.connect(Credentials.cookie("JSESSIONID", session.getValue()));
        assertEquals("admin", socket.call("chat.rooms", JsonValue.NULL).asJsonArray().getString(2),
                "the same session authenticates the socket");
    }

    @Test
    void statsCountTheSocketsAndChannelsAndAreTheSameOverTheSocket(TestSockets sockets) {
        TestSocket vic = sockets.connect(ChatIT.user("Vic", "member"));
        String channel = "stats-" + UUID.randomUUID();
        vic.subscribe(channel);

        JsonObject overRest = stats.stats();
        assertTrue(overRest.getInt("sockets") >= 1 && overRest.getInt("channels") >= 1, overRest.toString());

        JsonObject overSocket = vic.call("stats.get", JsonValue.NULL).asJsonObject();
        assertEquals(200, overSocket.getInt("_code"), "the route function answers with the resource's status");
        assertEquals(overRest.keySet(), withoutRouteFields(overSocket), "the same resource, unchanged");
    }

    private static java.util.Set<String> withoutRouteFields(JsonObject answer) {
        java.util.Set<String> keys = new java.util.TreeSet<>(answer.keySet());
        keys.removeIf(key -> key.startsWith("_"));
        return keys;
    }
}
