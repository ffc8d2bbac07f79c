package it.io.tokensockjs.token;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token route: JSON, JSONP, refusals, failures and the cross-site rule. */
public class TokenRouteIT {

    private static final Pattern TOKEN = Pattern.compile("\\{\"token\":\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"}");

    @Test
    void authenticatedRequestGetsAJsonToken() throws Exception {
        HttpResponse<String> response = TokenServer.get(TokenServer.loggedIn("alice"), "/socket/token", Map.of());
        assertEquals(200, response.statusCode());
        assertEquals("application/json;charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertTrue(TOKEN.matcher(response.body()).matches(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void callbackParameterGivesJsonp() throws Exception {
        HttpResponse<String> response = TokenServer.get(TokenServer.loggedIn("alice"), "/socket/token?callback=token_callback_1_abc", Map.of());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/javascript"));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        String body = response.body();
        assertTrue(body.startsWith("/**/token_callback_1_abc({\"token\":\"") && body.endsWith("\"});"), body);
    }

    @Test
    void badCallbackIsRefused() throws Exception {
        HttpResponse<String> response = TokenServer.get(TokenServer.loggedIn("alice"), "/socket/token?callback=alert(1)//", Map.of());
        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":\"Invalid callback\"}", response.body());
    }

    @Test
    void unauthenticatedRequestIsForbidden() throws Exception {
        HttpResponse<String> response = TokenServer.get(TokenServer.httpClient(), "/socket/token", Map.of());
        assertEquals(403, response.statusCode());
        assertEquals("{\"error\":\"Forbidden\"}", response.body());
    }

    @Test
    void failingAuthenticatorGives500WithoutDetails() throws Exception {
        HttpResponse<String> response = TokenServer.get(TokenServer.httpClient(), "/socket/token?fail=1", Map.of());
        assertEquals(500, response.statusCode());
        assertEquals("{\"error\":\"Authentication failed\"}", response.body());
    }

    @Test
    void crossSitePagesCannotTakeTheVisitorsToken() throws Exception {
        HttpClient alice = TokenServer.loggedIn("alice");
        assertEquals(403, TokenServer.get(alice, "/socket/token", Map.of("Origin", "http://evil.example")).statusCode());
        // JSONP answers 200 with the error inside: a failed script load would tell the page nothing.
        HttpResponse<String> jsonp = TokenServer.get(alice, "/socket/token?callback=cb", Map.of("Referer", "http://evil.example/page.html"));
        assertEquals("/**/cb({\"error\":\"Forbidden\"});", jsonp.body());
        HttpResponse<String> fetchMetadata = TokenServer.get(alice, "/socket/token?callback=cb", Map.of("Sec-Fetch-Site", "cross-site"));
        assertEquals("/**/cb({\"error\":\"Forbidden\"});", fetchMetadata.body());
        HttpResponse<String> sameOrigin = TokenServer.get(alice, "/socket/token", Map.of("Origin", "http://127.0.0.1:" + System.getProperty("it.http.port", "19080")));
        assertEquals(200, sameOrigin.statusCode());
    }

    @Test
    void applicationFiltersBoundToTheTokenRouteRunFirst() throws Exception {
        HttpResponse<String> blocked = TokenServer.get(TokenServer.loggedIn("alice"), "/socket/token?blocked=1", Map.of());
        assertEquals(429, blocked.statusCode());
        assertEquals("{\"error\":\"Slow down\"}", blocked.body());
    }
}
