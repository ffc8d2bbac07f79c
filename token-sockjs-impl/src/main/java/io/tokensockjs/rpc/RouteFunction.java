package io.tokensockjs.rpc;

import io.tokensockjs.Socket;
import io.tokensockjs.SocketException;
import io.tokensockjs.json.Jsonp;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An existing HTTP route of the application offered as an RPC function (the original's {@code routes} option),
 * so that a JAX-RS resource method is callable over the socket without being changed.
 *
 * <p>The request data fills the path's {@code {name}} placeholders; the rest goes as the query string (GET, DELETE,
 * HEAD) or as the JSON body (other methods). The answer is the response entity with {@code _code} (the status) and
 * {@code _headers}; an entity that is not a JSON object is carried as {@code body}. A status of 300 or more makes
 * the same object the call's error.
 *
 * <p>The request carries {@value #SOCKET_HEADER} (the calling socket's id) and {@value #SECRET_HEADER} (a secret of
 * this server), so that the resource can tell who called it; see {@code TokenSocketServer.routeCaller}.
 */
public final class RouteFunction implements RpcFunction {

    public static final String SOCKET_HEADER = "X-Token-SockJS-Socket";
    public static final String SECRET_HEADER = "X-Token-SockJS-Secret";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final Set<String> BODY_LESS = Set.of("GET", "DELETE", "HEAD", "OPTIONS");
    /** Response headers that describe the connection rather than the answer. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "content-length",
            "date", "set-cookie", ":status");

    private final String method;
    private final String pathTemplate;
    private final RouteBase base;
    private final HttpClient http;
    private final Duration timeout;

    public RouteFunction(String method, String pathTemplate, RouteBase base, HttpClient http, Duration timeout) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.pathTemplate = pathTemplate.startsWith("/") ? pathTemplate : "/" + pathTemplate;
        this.base = base;
        this.http = http;
        this.timeout = timeout;
    }

    /** Parses {@code "GET /api/users/{id}"}. */
    public static RouteFunction parse(String spec, RouteBase base, HttpClient http, Duration timeout) {
        String[] parts = spec.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("A route is 'METHOD /path/{param}': " + spec);
        }
        return new RouteFunction(parts[0], parts[1], base, http, timeout);
    }

    @Override
    public Object call(Socket socket, JsonValue data) {
        String root = base.base();
        if (root == null) {
            throw new SocketException("Route not reachable yet");
        }
        JsonObject fields = data instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        Set<String> used = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pathTemplate);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            JsonValue value = fields.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                throw new InvalidRequestException("missing route parameter " + name, null);
            }
            used.add(name);
            matcher.appendReplacement(path, Matcher.quoteReplacement(
                    URLEncoder.encode(text(value), StandardCharsets.UTF_8).replace("+", "%20")));
        }
        matcher.appendTail(path);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (BODY_LESS.contains(method)) {
            StringJoiner query = new StringJoiner("&");
            fields.forEach((name, value) -> {
                if (!used.contains(name)) {
                    query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(text(value), StandardCharsets.UTF_8));
                }
            });
            if (query.length() > 0) {
                path.append(path.indexOf("?") < 0 ? '?' : '&').append(query);
            }
        } else {
            body = HttpRequest.BodyPublishers.ofString(data.toString());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + path)).timeout(timeout)
                .method(method, body)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(SOCKET_HEADER, socket.id())
                .header(SECRET_HEADER, base.secret())
                .build();
        CompletionStage<JsonValue> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            JsonObject result = answer(response);
            if (response.statusCode() >= 300) {
                throw new SocketException("HTTP " + response.statusCode(), (Object) result);
            }
            return result;
        });
        return answer;
    }

    private static JsonObject answer(HttpResponse<String> response) {
        JsonValue entity;
        try {
            entity = response.body().isEmpty() ? JsonValue.NULL : Jsonp.parse(response.body());
        } catch (RuntimeException e) {
            entity = Jsonp.PROVIDER.createValue(response.body());
        }
        JsonObjectBuilder result = entity instanceof JsonObject object
                ? Jsonp.PROVIDER.createObjectBuilder(object)
                : Jsonp.PROVIDER.createObjectBuilder().add("body", entity);
        JsonObjectBuilder headers = Jsonp.PROVIDER.createObjectBuilder();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT)) && !header.getValue().isEmpty()) {
                headers.add(header.getKey().toLowerCase(Locale.ROOT), String.join(", ", header.getValue()));
            }
        }
        return result.add("_code", response.statusCode()).add("_headers", headers).build();
    }

    private static String text(JsonValue value) {
        return value instanceof jakarta.json.JsonString string ? string.getString() : value.toString();
    }
}
