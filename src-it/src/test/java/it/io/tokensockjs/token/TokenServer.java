package it.io.tokensockjs.token;

import io.tokensockjs.client.TokenSocketClient;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the test application runs, and the small HTTP steps the token tests share. */
final class TokenServer {

    static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "19080")
            + System.getProperty("it.context.root", "/it");

    private static final Path SERVER_LOG = Path.of(System.getProperty("it.server.log",
            "target/liberty/wlp/usr/servers/itServer/logs/messages.log"));

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

    /** Where the server's log ends now ({@code it.server.log}: Liberty's messages.log, Payara's log), for {@link #serverLogSince}. */
    static long serverLogMark() {
        try {
            return Files.exists(SERVER_LOG) ? Files.size(SERVER_LOG) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The server's log records after a mark, for failure messages: each record's first line only (no stack traces),
     * a record repeated with the same text given once with its count, at most 80. Liberty reports a websocket it
     * closed itself (such as 1007 for bytes it could not decode) only with an FFDC incident, whose one line here
     * names it. What cannot be read is said in one line.
     */
    static List<String> serverLogSince(long mark) {
        Map<String, Integer> records = new LinkedHashMap<>();
        try (RandomAccessFile file = new RandomAccessFile(SERVER_LOG.toFile(), "r")) {
            long from = file.length() < mark ? 0 : mark;
            byte[] rest = new byte[(int) Math.min(file.length() - from, 8 << 20)];
            file.seek(file.length() - rest.length);
            file.readFully(rest);
            new String(rest, StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("["))
                    .forEach(line -> records.merge(line.replaceFirst("^\\[[^\\]]*\\] \\S+ ", ""), 1, Integer::sum));
        } catch (IOException e) {
            return List.of("(cannot read " + SERVER_LOG.toAbsolutePath() + ": " + e + ")");
        }
        return records.entrySet().stream().limit(80)
                .map(record -> (record.getValue() > 1 ? record.getValue() + " x " : "") + record.getKey()).toList();
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
