package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertContentType;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotCached;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.tokensockjs.sockjs.Target.Service;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * htmlfile: a page that streams {@code <script>} elements into an iframe, each handing one frame to the callback
 * named by {@code c}.
 */
public class HtmlFileIT {

    /** The start of the page, with the callback as {@code %s}, without the padding that follows it. */
    static final String HEAD = """
            <!doctype html>
            <html><head>
              <meta http-equiv="X-UA-Compatible" content="IE=edge" />
              <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
            </head><body><h2>Don't panic!</h2>
              <script>
                document.domain = document.domain;
                var c = parent.%s;
                c.start();
                function p(d) {c.message(d);};
                window.onload = function() {c.stop();};
              </script>""";

    @Test
    void transport() {
        String session = Service.ECHO.newSession();
        // %63 is "c": the callback is read decoded.
        try (HttpStream stream = Http.open("GET", session + "/htmlfile?c=%63allback")) {
            assertEquals(200, stream.status());
            assertContentType(stream.head(), "text/html; charset=UTF-8");
            assertNotCached(stream.head());

            String page = stream.nextChunk();
            assertEquals(HEAD.formatted("callback"), page.strip());
            // Old browsers render nothing of a streamed page before 1 KiB.
            assertTrue(page.length() > 1024, "padded past 1 KiB: " + page.length());
            assertEquals("<script>\np(\"o\");\n</script>\r\n", stream.nextChunk());

            HttpReply send = Http.post(session + "/xhr_send", "[\"x\"]");
            assertEquals("", send.body());
            assertEquals(204, send.status());
            assertEquals("<script>\np(\"a[\\\"x\\\"]\");\n</script>\r\n", stream.nextChunk());
        }
    }

    @Test
    void noCallback() {
        HttpReply reply = Http.get(Service.ECHO.path() + "/a/a/htmlfile");
        assertEquals(500, reply.status());
        assertTrue(reply.body().contains("\"callback\" parameter required"), reply.body());
    }

    /** A callback may hold only {@code [a-zA-Z0-9-_.]}: it is written into a script. */
    @Test
    void invalidCallback() {
        for (String callback : List.of("%20", "*", "abc(", "abc%28")) {
            HttpReply reply = Http.get(Service.ECHO.path() + "/a/a/htmlfile?c=" + callback);
            assertEquals(500, reply.status(), callback);
            assertTrue(reply.body().contains("invalid \"callback\" parameter"), reply.body());
        }
    }

    /**
     * The suite's rule for callbacks ({@code [^a-zA-Z0-9-_.]} is invalid, as in sockjs-node) lets a dash
     * through; the 0.3.3 suite has no case for it, so this one does.
     */
    @Test
    void callbackWithDash() {
        String session = Service.ECHO.newSession();
        try (HttpStream stream = Http.open("GET", session + "/htmlfile?c=a-b_c.d")) {
            assertEquals(200, stream.status());
            assertEquals(HEAD.formatted("a-b_c.d"), stream.nextChunk().strip());
        }
    }

    @Test
    void responseLimit() {
        String session = Service.ECHO.newSession();
        try (HttpStream stream = Http.open("GET", session + "/htmlfile?c=callback")) {
            assertEquals(200, stream.status());
            assertTrue(!stream.nextChunk().isEmpty(), "the page comes first");
            assertEquals("<script>\np(\"o\");\n</script>\r\n", stream.nextChunk());

            String message = "x".repeat(4096);
            HttpReply send = Http.post(session + "/xhr_send", "[\"" + message + "\"]");
            assertEquals(204, send.status());
            assertEquals("<script>\np(\"a[\\\"" + message + "\\\"]\");\n</script>\r\n", stream.nextChunk());

            assertEquals("", stream.nextChunk(), "the response ends with its last chunk");
        }
    }
}
