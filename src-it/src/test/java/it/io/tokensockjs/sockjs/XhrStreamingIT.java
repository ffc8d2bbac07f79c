package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertContentType;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertCors;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotCached;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertPreflight;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.io.tokensockjs.sockjs.Target.Service;

import org.junit.jupiter.api.Test;

/** XHR streaming: a 2 KiB prelude, then each frame as its own chunk, ended after the response limit. */
public class XhrStreamingIT {

    static final String PRELUDE = "h".repeat(2048) + "\n";

    @Test
    void options() {
        assertPreflight(Service.ECHO.path() + "/abc/abc/xhr_streaming", "OPTIONS, POST");
    }

    @Test
    void transport() {
        String session = Service.ECHO.newSession();
        try (HttpStream stream = Http.open("POST", session + "/xhr_streaming", "Origin", "test")) {
            assertEquals(200, stream.status());
            assertContentType(stream.head(), "application/javascript; charset=UTF-8");
            assertCors(stream.head(), "test");
            assertNotCached(stream.head());

            // Old browsers show nothing of a response before 2 KiB have arrived.
            assertEquals(PRELUDE, stream.nextChunk());
            assertEquals("o\n", stream.nextChunk());

            HttpReply send = Http.post(session + "/xhr_send", "[\"x\"]");
            assertEquals(204, send.status());
            assertEquals("", send.body());

            assertEquals("a[\"x\"]\n", stream.nextChunk());
        }
    }

    /**
     * A streaming response is ended once it carried the response limit (4096 bytes on the test's echo
     * service, frames and framing counted) so that the browser can free what it holds.
     */
    @Test
    void responseLimit() {
        String session = Service.ECHO.newSession();
        try (HttpStream stream = Http.open("POST", session + "/xhr_streaming")) {
            assertEquals(200, stream.status());
            assertEquals(PRELUDE, stream.nextChunk());
            assertEquals("o\n", stream.nextChunk());

            // 2 + 30 * 134 = 4022 bytes keep it open; the 31st frame passes 4096.
            String message = "\"" + "x".repeat(128) + "\"";
            for (int i = 0; i < 31; i++) {
                HttpReply send = Http.post(session + "/xhr_send", "[" + message + "]");
                assertEquals(204, send.status());
                assertEquals("a[" + message + "]\n", stream.nextChunk());
            }
            assertEquals("", stream.nextChunk(), "the response ends with its last chunk");
        }
    }
}
