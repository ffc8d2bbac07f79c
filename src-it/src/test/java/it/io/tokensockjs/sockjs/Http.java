package it.io.tokensockjs.sockjs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One-shot HTTP/1.1 requests (a connection each, the whole answer read) and streaming requests read chunk by
 * chunk. Headers are given as name, value pairs.
 */
final class Http {

    private Http() {
    }

    static HttpReply get(String path, String... headers) {
        return exchange("GET", path, null, headers);
    }

    /** A POST whose body is sent with its {@code Content-Length} ({@code ""} sends {@code Content-Length: 0}). */
    static HttpReply post(String path, String body, String... headers) {
        return exchange("POST", path, body, headers);
    }

    static HttpReply options(String path, String... headers) {
        return exchange("OPTIONS", path, null, headers);
    }

    static HttpReply exchange(String method, String path, String body, String... headers) {
        try (RawHttpConnection connection = new RawHttpConnection()) {
            HttpHead head = connection.request(method, path, "1.1",
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
            return new HttpReply(head, connection.readBody(method, head));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    /** Starts a streaming request (a POST carries an empty body) and reads its head; read on chunk by chunk. */
    static HttpStream open(String method, String path, String... headers) {
        RawHttpConnection connection = null;
        try {
            connection = new RawHttpConnection();
            byte[] body = "POST".equals(method) ? new byte[0] : null;
            return new HttpStream(connection, connection.request(method, path, "1.1", body, headers));
        } catch (IOException e) {
            closeQuietly(connection);
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    /**
     * Sends a receiving request and does not read its answer: a poll left waiting, as a browser's pending
     * request is. Close it to abort it.
     */
    static RawHttpConnection sendOnly(String method, String path) {
        RawHttpConnection connection = null;
        try {
            connection = new RawHttpConnection();
            connection.send(method, path, "1.1", "POST".equals(method) ? new byte[0] : null);
            return connection;
        } catch (IOException e) {
            closeQuietly(connection);
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    private static void closeQuietly(RawHttpConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // Already failing with the first exception.
            }
        }
    }
}
