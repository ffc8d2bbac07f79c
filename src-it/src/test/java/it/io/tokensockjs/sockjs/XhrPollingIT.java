package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertContentType;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertCors;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotCached;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotFound;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertPreflight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.tokensockjs.runtime.ServerRuntime;
import it.io.tokensockjs.sockjs.Target.Service;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** XHR polling: {@code xhr} receives one frame per request, {@code xhr_send} carries a JSON array of messages. */
public class XhrPollingIT {

    @Test
    void options() {
        for (String suffix : List.of("/xhr", "/xhr_send")) {
            assertPreflight(Service.ECHO.path() + "/abc/abc" + suffix, "OPTIONS, POST");
        }
    }

    @Test
    void transport() {
        String session = Service.ECHO.newSession();
        HttpReply open = Http.post(session + "/xhr", "", "Origin", "test");
        assertEquals(200, open.status());
        assertEquals("o\n", open.body());
        assertContentType(open.head(), "application/javascript; charset=UTF-8");
        assertCors(open.head(), "test");
        // iOS 6 caches POSTs.
        assertNotCached(open.head());

        HttpReply send = Http.post(session + "/xhr_send", "[\"x\"]", "Origin", "test");
        assertEquals(204, send.status());
        assertEquals("", send.body());
        // A 204 still says text/plain: Firefox takes a typeless answer for XML and complains. Payara Micro's HTTP
        // layer (Grizzly) drops the Content-Type the servlet set on a 204, outside the application's reach (the
        // client reads no body from a 204 either way; the Chromium ITs pass there).
        if (ServerRuntime.is(ServerRuntime.PAYARA)) {
            assertNull(send.header("Content-Type"), () -> "Payara now keeps the type of a 204:\n" + send);
        } else {
            assertContentType(send.head(), "text/plain; charset=UTF-8");
        }
        assertCors(send.head(), "test");
        assertNotCached(send.head());

        HttpReply poll = Http.post(session + "/xhr", "");
        assertEquals(200, poll.status());
        assertEquals("a[\"x\"]\n", poll.body());
    }

    @Test
    void invalidSession() {
        assertNotFound(Http.post(Service.ECHO.newSession() + "/xhr_send", "[\"x\"]"));
    }

    @Test
    void invalidJson() {
        String session = Service.ECHO.newSession();
        HttpReply open = Http.post(session + "/xhr", "");
        assertEquals(200, open.status());
        assertEquals("o\n", open.body());

        HttpReply broken = Http.post(session + "/xhr_send", "[\"x");
        assertEquals(500, broken.status());
        assertTrue(broken.body().contains("Broken JSON encoding."), broken.body());

        HttpReply empty = Http.post(session + "/xhr_send", "");
        assertEquals(500, empty.status());
        assertTrue(empty.body().contains("Payload expected."), empty.body());

        HttpReply send = Http.post(session + "/xhr_send", "[\"a\"]");
        assertEquals("", send.body());
        assertEquals(204, send.status());

        HttpReply poll = Http.post(session + "/xhr", "");
        assertEquals("a[\"a\"]\n", poll.body());
        assertEquals(200, poll.status());
    }

    /** Whatever content type the client declares, the body is read as JSON. */
    @Test
    void contentTypes() {
        String session = Service.ECHO.newSession();
        assertEquals("o\n", Http.post(session + "/xhr", "").body());

        List<String> types = List.of("text/plain", "T", "application/json", "application/xml", "",
                "application/json; charset=utf-8", "text/xml; charset=utf-8", "text/xml");
        for (String type : types) {
            HttpReply send = Http.post(session + "/xhr_send", "[\"a\"]", "Content-Type", type);
            assertEquals(204, send.status(), () -> "Content-Type: " + type + "\n" + send);
            assertEquals("", send.body());
        }

        HttpReply poll = Http.post(session + "/xhr", "");
        assertEquals(200, poll.status());
        assertEquals("a[" + String.join(",", Collections.nCopies(types.size(), "\"a\"")) + "]\n", poll.body());
    }

    /** {@code Access-Control-Request-Headers} is echoed as {@code Access-Control-Allow-Headers}, only when given. */
    @Test
    void requestHeadersCors() {
        HttpReply listed = Http.options(Service.ECHO.newSession() + "/xhr", "Origin", "test",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "a, b, c");
        assertTrue(listed.status() == 204 || listed.status() == 200, () -> listed.toString());
        assertCors(listed.head(), "test");
        assertEquals("a, b, c", listed.header("Access-Control-Allow-Headers"));

        HttpReply empty = Http.options(Service.ECHO.newSession() + "/xhr", "Origin", "test",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "");
        assertTrue(empty.status() == 204 || empty.status() == 200, () -> empty.toString());
        assertCors(empty.head(), "test");
        assertNull(empty.header("Access-Control-Allow-Headers"));

        HttpReply none = Http.options(Service.ECHO.newSession() + "/xhr", "Origin", "test",
                "Access-Control-Request-Method", "POST");
        assertTrue(none.status() == 204 || none.status() == 200, () -> none.toString());
        assertCors(none.head(), "test");
        assertNull(none.header("Access-Control-Allow-Headers"));
    }

    /** Clients may send {@code []} as a heartbeat of their own. */
    @Test
    void sendingEmptyFrame() {
        String session = Service.ECHO.newSession();
        HttpReply open = Http.post(session + "/xhr", "");
        assertEquals(200, open.status());
        assertEquals("o\n", open.body());

        assertEquals(204, Http.post(session + "/xhr_send", "[]").status());
        assertEquals(204, Http.post(session + "/xhr_send", "[\"a\"]").status());

        HttpReply poll = Http.post(session + "/xhr", "");
        assertEquals("a[\"a\"]\n", poll.body());
        assertEquals(200, poll.status());
    }
}
