package it.io.tokensockjs.redis;

import io.tokensockjs.client.AuthenticationRefusedException;
import io.tokensockjs.client.TokenSocketClient;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One of the two servers that share the test's Redis, {@link #A} and {@link #B}, or of the two on the test's TLS
 * Redis Cluster, {@link #CLUSTER_A} and {@link #CLUSTER_B} (Liberty or Payara Micro alike).
 */
final class Node {

    static final Node A = new Node("A", Integer.getInteger("it.redis-a.http.port", 19681), System.getProperty("it.redis-a.server.log"));
    static final Node B = new Node("B", Integer.getInteger("it.redis-b.http.port", 19682), System.getProperty("it.redis-b.server.log"));
    /** Port 0 where the run started no servers on the cluster (see {@link SecuredCluster}). */
    static final Node CLUSTER_A = new Node("cluster A", Integer.getInteger("it.cluster-a.http.port", 0),
            System.getProperty("it.cluster-a.server.log"));
    static final Node CLUSTER_B = new Node("cluster B", Integer.getInteger("it.cluster-b.http.port", 0),
            System.getProperty("it.cluster-b.server.log"));

    static final String HOST = "127.0.0.1";
    private static final String CONTEXT_ROOT = System.getProperty("it.context.root", "/it");
    private static final HttpClient PLAIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    final String name;
    final int port;
    final String serverLog;

    private Node(String name, int port, String serverLog) {
        this.name = name;
        this.port = port;
        this.serverLog = serverLog;
    }

    /** {@code http://127.0.0.1:<port>/it}. */
    URI base() {
        return URI.create("http://" + HOST + ":" + port + CONTEXT_ROOT);
    }

    /** An HTTP client whose session on this server holds the user (the test application's login). */
    HttpClient loggedIn(String user, String role) {
        // HTTP/1.1: the JDK client otherwise tries an h2c upgrade, and concurrent first requests on one client
        // were seen to hang until their timeout while it was pending.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> login = get(http, base() + "/test/login?user=" + user + "&role=" + role);
        if (login.statusCode() != 200) {
            throw new AssertionError("login on " + name + " failed: " + login.statusCode());
        }
        return http;
    }

    /**
     * Another HTTP client with the same session as a logged-in one: each JDK HTTP client runs its websockets on one
     * selector thread, so a crowd of clients is spread over several.
     */
    static HttpClient sameSession(HttpClient loggedIn) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(loggedIn.cookieHandler().orElseThrow())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client of this server for the user, its token fetched with the user's session. */
    TokenSocketClient.Builder client(String user, String role) {
        return client(loggedIn(user, role));
    }

    TokenSocketClient.Builder client(HttpClient http) {
        return TokenSocketClient.builder(base()).httpClient(http).timeout(Duration.ofSeconds(20));
    }

    /** The message with which this server refuses to open a socket with the token (a redeemed one, say). */
    String refusal(String token) {
        CompletionException failure = assertThrows(CompletionException.class,
                () -> client(HttpClient.newHttpClient()).connectWith(token).toCompletableFuture().join());
        return assertInstanceOf(AuthenticationRefusedException.class, failure.getCause()).getMessage();
    }

    /** The readiness answer: status and body of {@code /health/ready}. */
    HttpResponse<String> readiness() {
        return get(PLAIN, "http://" + HOST + ":" + port + "/health/ready");
    }

    boolean ready() {
        try {
            HttpResponse<String> response = readiness();
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (AssertionError e) {
            return false;
        }
    }

    /** Live threads of the server and Redis subscriber loops among them, from {@code /it/diagnostics}. */
    int[] threads() {
        String body = get(PLAIN, base() + "/diagnostics").body();
        return new int[] {number(body, "threads"), number(body, "redisSubscriberThreads")};
    }

    static HttpResponse<String> get(HttpClient http, String uri) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static int number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return Integer.parseInt(matcher.group(1));
    }

    @Override
    public String toString() {
        return "server " + name + " (" + port + ")";
    }
}
