package it.io.tokensockjs.sockjs;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A streaming HTTP/1.1 response, read one chunk (one SockJS frame) at a time. */
final class HttpStream implements AutoCloseable {

    private final RawHttpConnection connection;
    private final HttpHead head;

    HttpStream(RawHttpConnection connection, HttpHead head) {
        this.connection = connection;
        this.head = head;
    }

    HttpHead head() {
        return head;
    }

    int status() {
        return head.status();
    }

    String header(String name) {
        return head.header(name);
    }

    /**
     * The next chunk as the server framed it: {@code ""} when the response ended with its terminating chunk,
     * null when the server dropped the connection instead.
     */
    String nextChunk() {
        if (!head.chunked()) {
            throw new AssertionError("not a chunked response:\n" + head);
        }
        try {
            return connection.readChunk();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a chunk failed", e);
        }
    }

    /** Aborts the request, as a browser does when a page goes away. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
