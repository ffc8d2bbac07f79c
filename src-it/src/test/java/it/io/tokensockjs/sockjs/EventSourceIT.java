package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertContentType;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertCors;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotCached;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.io.tokensockjs.sockjs.Target.Service;

import org.junit.jupiter.api.Test;

/** EventSource: server-sent events, one {@code data:} event per frame. */
public class EventSourceIT {

    @Test
    void transport() {
        String session = Service.ECHO.newSession();
        try (HttpStream stream = Http.open("GET", session + "/eventsource")) {
            assertEquals(200, stream.status());
            // Exactly this: no charset, which servlet containers like to append.
            assertContentType(stream.head(), "text/event-stream");
            // Requested with GET: it must never be cached.
            assertNotCached(stream.head());
            assertCors(stream.head(), null);

            // A newline first, for an old Opera bug.
            assertEquals("\r\n", stream.nextChunk());
            assertEquals("data: o\r\n\r\n", stream.nextChunk());

            HttpReply send = Http.post(session + "/xhr_send", "[\"x\"]");
            assertEquals("", send.body());
            assertEquals(204, send.status());
            assertEquals("data: a[\"x\"]\r\n\r\n", stream.nextChunk());

            // Leading spaces, NUL and line breaks would break the event format; JSON escaping protects them.
            send = Http.post(session + "/xhr_send", "[\"  \\u0000\\n\\r \"]");
            assertEquals("", send.body());
            assertEquals(204, send.status());
            assertEquals("data: a[\"  \\u0000\\n\\r \"]\r\n\r\n", stream.nextChunk());
        }
    }

    /** Ended after the response limit too: some browsers never free an event stream's memory. */
    @Test
    void responseLimit() {
        String session = Service.ECHO.newSession();
        try (HttpStream stream = Http.open("GET", session + "/eventsource")) {
            assertEquals(200, stream.status());
            assertEquals("\r\n", stream.nextChunk());
            assertEquals("data: o\r\n\r\n", stream.nextChunk());

            String message = "\"" + "x".repeat(4096) + "\"";
            HttpReply send = Http.post(session + "/xhr_send", "[" + message + "]");
            assertEquals(204, send.status());
            assertEquals("data: a[" + message + "]\r\n\r\n", stream.nextChunk());

            assertEquals("", stream.nextChunk(), "the response ends with its last chunk");
        }
    }
}
