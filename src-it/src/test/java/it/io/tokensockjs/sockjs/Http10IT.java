package it.io.tokensockjs.sockjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.tokensockjs.sockjs.Target.Service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * HTTP/1.0 clients: no chunked encoding; a body is framed by {@code Content-Length} or by the server closing
 * the connection, which is how a streaming answer ends.
 */
public class Http10IT {

    /** The greeting, a static answer, asked with {@code Connection: Keep-Alive} as HTTP/1.0 clients do. */
    @Test
    void synchronous() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection()) {
            HttpHead head = connection.request("GET", Service.ECHO.path(), "1.0", null, "Connection", "Keep-Alive");
            assertEquals(200, head.status());
            // Many servers answer 1.1 to a 1.0 request; either will do.
            assertTrue(List.of("1.0", "1.1").contains(head.version()), head.version());
            assertNull(head.header("Transfer-Encoding"), () -> "no chunking in HTTP/1.0:\n" + head);

            if (head.header("Content-Length") == null) {
                assertEquals("close", head.header("Connection").toLowerCase(Locale.ROOT));
                assertEquals("Welcome to SockJS!\n", new String(connection.readBody("GET", head), StandardCharsets.UTF_8));
                assertTrue(connection.closedByServer());
                return;
            }
            assertEquals(19, head.contentLength());
            assertEquals("Welcome to SockJS!\n", new String(connection.readExactly(19), StandardCharsets.UTF_8));
            String keepAlive = head.header("Connection") == null ? "" : head.header("Connection").toLowerCase(Locale.ROOT);
            if (keepAlive.equals("close") || keepAlive.isEmpty()) {
                // Closing is the HTTP/1.0 default.
                assertTrue(connection.closedByServer());
            } else {
                assertEquals("keep-alive", keepAlive);
                // The connection serves another request.
                HttpHead again = connection.request("GET", Service.ECHO.path(), "1.0", null, "Connection", "Keep-Alive");
                assertEquals(200, again.status());
            }
        }
    }

    /** A streaming answer has neither chunks nor a length: the frames, then the server closes the connection. */
    @Test
    void streaming() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection()) {
            HttpHead head = connection.request("POST", Service.CLOSE.newSession() + "/xhr_streaming", "1.0", null,
                    "Connection", "Keep-Alive");
            assertEquals(200, head.status());
            assertNull(head.header("Transfer-Encoding"), () -> "no chunking in HTTP/1.0:\n" + head);
            assertNull(head.header("Content-Length"), () -> "the length of a stream is not known:\n" + head);

            assertEquals('h', (char) connection.readExactly(2048 + 1)[0]);
            assertEquals("o\n", new String(connection.readExactly(2), StandardCharsets.UTF_8));
            assertEquals("c[3000,\"Go away!\"]\n", new String(connection.readExactly(19), StandardCharsets.UTF_8));
            assertTrue(connection.closedByServer());
        }
    }
}
