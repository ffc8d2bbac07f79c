package io.tokensockjs.junit;

import io.tokensockjs.client.TokenSocketClient;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a test socket gets its token: what the application's token route needs to accept the request (a session
 * cookie, a header, a query parameter its {@code Authenticator} reads, or a login that opens a session first).
 * Combine several with {@link #and}.
 */
@FunctionalInterface
public interface Credentials {

    /**
     * Prepares the client's token request.
     *
     * @param client         the client being built, bound to the application
     * @param applicationUrl the application's context root, for logins
     */
    void applyTo(TokenSocketClient.Builder client, URI applicationUrl) throws IOException, InterruptedException;

    /** Both these credentials and the other. */
    default Credentials and(Credentials other) {
        return (client, applicationUrl) -> {
            applyTo(client, applicationUrl);
            other.applyTo(client, applicationUrl);
        };
    }

    /** Nothing: for token routes that accept anyone, or to see a refusal. */
    static Credentials none() {
        return (client, applicationUrl) -> {
        };
    }

    /** A cookie, such as {@code JSESSIONID} of a session the test opened. */
    static Credentials cookie(String name, String value) {
        return (client, applicationUrl) -> client.cookie(name, value);
    }

    /** A header, such as {@code Authorization}. */
    static Credentials header(String name, String value) {
        return (client, applicationUrl) -> client.header(name, value);
    }

    /** HTTP Basic authentication of the token request. */
    static Credentials basic(String user, String password) {
        return header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A bearer token (a JWT, say) on the token request. */
    static Credentials bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** A query parameter of the token request, for an {@code Authenticator} that reads one. */
    static Credentials query(String name, String value) {
        return (client, applicationUrl) -> client.query(name, value);
    }

    /** The cookies of an HTTP client the test already logged in with. */
    static Credentials session(HttpClient loggedIn) {
        return (client, applicationUrl) -> client.httpClient(loggedIn);
    }

    /**
     * Logs in first, as a browser's login form would: {@code POST <context><path>} with the fields form-encoded, in a
     * new cookie jar that the token request then uses. An answer of 400 or more fails the connection.
     */
    static Credentials formLogin(String path, Map<String, String> fields) {
        return (client, applicationUrl) -> {
            String form = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            client.httpClient(login(applicationUrl, path, HttpRequest.BodyPublishers.ofString(form)));
        };
    }

    /** Logs in first with {@code GET <context><pathAndQuery>} in a new cookie jar that the token request then uses. */
    static Credentials loginAt(String pathAndQuery) {
        return (client, applicationUrl) -> client.httpClient(login(applicationUrl, pathAndQuery, null));
    }

    private static HttpClient login(URI applicationUrl, String path, HttpRequest.BodyPublisher form)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(applicationUrl + path)).timeout(Duration.ofSeconds(30));
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(form);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IOException("Login at " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return http;
    }
}
