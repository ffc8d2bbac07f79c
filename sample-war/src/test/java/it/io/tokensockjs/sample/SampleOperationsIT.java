package it.io.tokensockjs.sample;

import io.tokensockjs.junit.TestSockets;
import io.tokensockjs.junit.TokenSocketExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample as its README describes it for operators: the scrape at /metrics, the admin API and dashboard off. */
@ExtendWith(TokenSocketExtension.class)
public class SampleOperationsIT {

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePrometheusScrapeCountsTheSocketsOfTheSample(TestSockets sockets) throws Exception {
        sockets.connect(ChatIT.user("Olga", "member")).subscribe("lobby");
        HttpResponse<String> scrape = get(sockets.applicationUrl() + "/metrics", null);
        assertEquals(200, scrape.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", scrape.headers().firstValue("Content-Type").orElse("").toLowerCase());
        assertTrue(scrape.body().contains("# TYPE tokensockjs_sessions_opened counter\n"), scrape.body());
        assertTrue(scrape.body().contains("tokensockjs_sockets_open{service=\"token\",transport=\"websocket\"} "), scrape.body());
        assertTrue(scrape.body().contains("tokensockjs_tokens_total{event=\"issued\"} "), scrape.body());
    }

    @Test
    void theAdminApiAndTheDashboardAreOffByDefault(TestSockets sockets) throws Exception {
        for (String path : new String[] {"/token-sockjs/admin/sockets", "/token-sockjs/admin/metrics", "/token-sockjs/dashboard"}) {
            assertEquals(404, get(sockets.applicationUrl() + path, null).statusCode(), path);
            assertEquals(404, get(sockets.applicationUrl() + path, "Bearer any-secret-you-like-at-all").statusCode(), path);
        }
    }
}
