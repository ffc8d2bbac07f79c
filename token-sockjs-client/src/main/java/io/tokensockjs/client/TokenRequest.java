package io.tokensockjs.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;

/**
 * {@code GET <context><tokenPath>?<query>} with the client's headers: {@code {"token":"..."}} or a
 * {@link TokenRequestException}. The answer is read up to {@link #MAX_BODY} bytes: a token route has no reason to say
 * more, and a client must not buffer whatever a server sends.
 */
final class TokenRequest {

    static final int MAX_BODY = 64 * 1024;

    private TokenRequest() {
    }

    static CompletionStage<String> fetch(HttpClient http, URI base, String tokenPath, Map<String, String> query,
            Map<String, String> headers, Duration timeout) {
        String encoded = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(base + tokenPath + (encoded.isEmpty() ? "" : "?" + encoded));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        headers.forEach(request::header);
        return http.sendAsync(request.build(), info -> new LimitedBody(MAX_BODY))
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                        throw new TokenRequestException(0, "Token request to " + uri + " failed: " + cause, cause);
                    }
                    return token(uri, response.statusCode(), response.body());
                });
    }

    private static String token(URI uri, int status, String body) {
        JsonObject answer = body == null ? null : Jsonp.object(body);
        if (status == 200 && answer != null && answer.get("token") instanceof JsonString token && !token.getString().isEmpty()) {
            return token.getString();
        }
        String error = answer != null && answer.get("error") instanceof JsonString string ? string.getString()
                : body == null ? "answer larger than " + MAX_BODY + " bytes" : SockJsFrames.abbreviate(body);
        throw new TokenRequestException(status, "Token request to " + uri + " answered HTTP " + status + ": " + error, null);
    }

    /** The body as text, or null (and the rest not read) once it passes the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    body.complete(null);
                    subscription.cancel();
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
