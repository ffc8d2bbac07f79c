package it.io.tokensockjs.sockjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.tokensockjs.sockjs.Target.Service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** HTTP/1.1 clients: connections are kept alive, and streaming answers are chunked and end with the last chunk. */
public class Http11IT {

    @Test
    void synchronous() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection()) {
            HttpHead head = connection.request("GET", Service.ECHO.path(), "1.1", null, "Connection", "Keep-Alive");
            assertEquals("1.1", head.version());
            String keepAlive = head.header("Connection") == null ? "" : head.header("Connection").toLowerCase(Locale.ROOT);
            assertTrue(List.of("keep-alive", "").contains(keepAlive), "keep-alive is the HTTP/1.1 default: " + keepAlive);

            if (head.header("Content-Length") != null) {
                assertEquals(19, head.contentLength());
                assertEquals("Welcome to SockJS!\n", new String(connection.readExactly(19), StandardCharsets.UTF_8));
                assertNull(head.header("Transfer-Encoding"));
            } else {
                assertEquals("chunked", head.header("Transfer-Encoding").toLowerCase(Locale.ROOT));
                assertEquals("Welcome to SockJS!\n", connection.readChunk());
                assertEquals("", connection.readChunk());
            }
            // The same connection serves another request.
            HttpHead again = connection.request("GET", Service.ECHO.path(), "1.1", null, "Connection", "Keep-Alive");
            assertEquals(200, again.status());
        }
    }

    /** Streaming answers are chunked, one frame a chunk, and end with the terminating chunk. */
    @Test
    void streaming() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection()) {
            HttpHead head = connection.request("POST", Service.CLOSE.newSession() + "/xhr_streaming", "1.1", null,
                    "Connection", "Keep-Alive");
            assertEquals(200, head.status());
            assertEquals("chunked", head.header("Transfer-Encoding").toLowerCase(Locale.ROOT));
            assertNull(head.header("Content-Length"));

            assertEquals('h', connection.readChunk().charAt(0));
            assertEquals("o\n", connection.readChunk());
            assertEquals("c[3000,\"Go away!\"]\n", connection.readChunk());
            assertEquals("", connection.readChunk());
        }
    }
}
