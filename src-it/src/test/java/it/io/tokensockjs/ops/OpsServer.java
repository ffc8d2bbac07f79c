package it.io.tokensockjs.ops;

import io.tokensockjs.client.TokenSocketClient;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test server as an operator sees it: its scrape, its admin API, and logged-in clients to make a workload. */
final class OpsServer {

    static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "19080")
            + System.getProperty("it.context.root", "/it");
    /** The secret src-it's microprofile-config.properties sets. */
    static final String SECRET = "it-admin-secret-0123456789";
    static final String ADMIN = BASE + "/token-sockjs/admin";

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{.*\\})?) (\\S+)$");

    private OpsServer() {
    }

    static HttpClient http() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http().send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** An admin API request with the right secret. */
    static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return admin(method, path, body, "Bearer " + SECRET);
    }

    static HttpResponse<String> admin(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ADMIN + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The scrape, as series (name with labels, exactly as written) to value. */
    static Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = get(BASE + "/token-sockjs/metrics", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scrape answered " + response.statusCode());
        }
        Map<String, Double> series = new HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher matcher = SAMPLE.matcher(line);
            if (!line.startsWith("#") && matcher.matches()) {
                series.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
            }
        }
        return series;
    }

    /** A client builder whose token request carries the test login's session. */
    static TokenSocketClient.Builder client(String user, String role) throws Exception {
        HttpClient http = http();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(BASE + "/test/login?user=" + encode(user)
                + "&role=" + encode(role))).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.statusCode());
        }
        return TokenSocketClient.builder(URI.create(BASE)).httpClient(http).timeout(Duration.ofSeconds(20));
    }
}
