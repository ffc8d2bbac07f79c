package it.io.tokensockjs.sockjs.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Where the test server is, as failsafe tells, and plain HTTP calls to it. */
final class ItServer {

    static final String HOST = "localhost";
    static final int PORT = Integer.getInteger("it.http.port", 19080);
    static final String CONTEXT_ROOT = System.getProperty("it.context.root", "/it");
    /** Bound of every single request: a server that does not answer within it has failed the test anyway. */
    static final Duration REQUEST_BOUND = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private ItServer() {
    }

    static HttpClient http() {
        return HTTP;
    }

    /** {@code http://localhost:<port>/it<path>}. */
    static URI uri(String path) {
        return URI.create("http://" + HOST + ":" + PORT + CONTEXT_ROOT + path);
    }

    /** {@code ws://localhost:<port>/it<path>}. */
    static URI wsUri(String path) {
        return URI.create("ws://" + HOST + ":" + PORT + CONTEXT_ROOT + path);
    }

    /** The path of a session transport: {@code <service>/000/<session>/<transport>}. */
    static String sessionPath(String service, String session, String transport) {
        return service + "/000/" + session + "/" + transport;
    }

    static String newSessionId() {
        return UUID.randomUUID().toString();
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_BOUND);
    }

    static HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    static HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Opens a session with an xhr poll and checks its open frame. */
    static void openWithPoll(String service, String session) {
        HttpResponse<String> open = post(sessionPath(service, session, "xhr"), null, "");
        if (open.statusCode() != 200 || !"o\n".equals(open.body())) {
            throw new AssertionError("session " + session + " did not open: " + open.statusCode() + " " + open.body());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
