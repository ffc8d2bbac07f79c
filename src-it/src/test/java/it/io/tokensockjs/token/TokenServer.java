package it.io.tokensockjs.token;

import io.tokensockjs.client.TokenSocketClient;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Where the test application runs, and the small HTTP steps the token tests share. */
final class TokenServer {

    static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "19080")
            + System.getProperty("it.context.root", "/it");

    private TokenServer() {
    }

    static URI base() {
        return URI.create(BASE);
    }

    static HttpClient httpClient() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static HttpResponse<String> get(HttpClient http, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP client whose session holds the user (the test login). */
    static HttpClient loggedIn(String user) throws Exception {
        return loggedIn(user, "user");
    }

    static HttpClient loggedIn(String user, String role) throws Exception {
        HttpClient http = httpClient();
        HttpResponse<String> login = get(http, "/test/login?user=" + user + "&role=" + role, Map.of());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.statusCode());
        }
        return http;
    }

    static TokenSocketClient.Builder client(String user) throws Exception {
        return client(user, "user");
    }

    static TokenSocketClient.Builder client(String user, String role) throws Exception {
        return TokenSocketClient.builder(base()).httpClient(loggedIn(user, role)).timeout(Duration.ofSeconds(20));
    }

    /** The test application's {@code /diagnostics} (threads in the SockJS code, sessions), for failure messages. */
    static String diagnostics() {
        try {
            return get(httpClient(), "/diagnostics", Map.of()).body();
        } catch (Exception e) {
            return "(unavailable: " + e + ")";
        }
    }

    static String events() throws Exception {
        return get(httpClient(), "/test-admin/events", Map.of()).body();
    }
}
