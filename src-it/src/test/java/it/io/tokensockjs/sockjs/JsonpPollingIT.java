package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertContentType;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotCached;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.tokensockjs.sockjs.Target.Service;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * JSONP polling: {@code jsonp} answers one frame as a call of the callback, {@code jsonp_send} takes messages as
 * a form field {@code d} or a raw JSON body.
 */
public class JsonpPollingIT {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void transport() {
        String session = Service.ECHO.newSession();
        HttpReply open = Http.get(session + "/jsonp?c=%63allback");
        assertEquals(200, open.status());
        assertContentType(open.head(), "application/javascript; charset=UTF-8");
        assertNotCached(open.head());
        // The comment in front defuses callbacks crafted to look like Flash (Rosetta Flash).
        assertEquals("/**/callback(\"o\");\r\n", open.body());

        HttpReply send = Http.post(session + "/jsonp_send", "d=%5B%22x%22%5D", "Content-Type", FORM);
        // Konqueror mishandles 204: the answer is "ok".
        assertEquals("ok", send.body());
        assertEquals(200, send.status());
        assertContentType(send.head(), "text/plain; charset=UTF-8");
        assertNotCached(send.head());

        HttpReply poll = Http.get(session + "/jsonp?c=%63allback");
        assertEquals(200, poll.status());
        assertEquals("/**/callback(\"a[\\\"x\\\"]\");\r\n", poll.body());
    }

    @Test
    void noCallback() {
        HttpReply reply = Http.get(Service.ECHO.path() + "/a/a/jsonp");
        assertEquals(500, reply.status());
        assertTrue(reply.body().contains("\"callback\" parameter required"), reply.body());
    }

    @Test
    void invalidCallback() {
        for (String callback : List.of("%20", "*", "abc(", "abc%28")) {
            HttpReply reply = Http.get(Service.ECHO.path() + "/a/a/jsonp?c=" + callback);
            assertEquals(500, reply.status(), callback);
            assertTrue(reply.body().contains("invalid \"callback\" parameter"), reply.body());
        }
    }

    /** A dash is allowed in callbacks by the suite's rule ({@code [^a-zA-Z0-9-_.]} is invalid). */
    @Test
    void callbackWithDash() {
        HttpReply reply = Http.get(Service.ECHO.newSession() + "/jsonp?c=a-b_c.d");
        assertEquals(200, reply.status());
        assertEquals("/**/a-b_c.d(\"o\");\r\n", reply.body());
    }

    @Test
    void invalidJson() {
        String session = Service.ECHO.newSession();
        assertEquals("/**/x(\"o\");\r\n", Http.get(session + "/jsonp?c=x").body());

        HttpReply broken = Http.post(session + "/jsonp_send", "d=%5B%22x", "Content-Type", FORM);
        assertEquals(500, broken.status());
        assertTrue(broken.body().contains("Broken JSON encoding."), broken.body());

        for (String data : List.of("", "d=", "p=p")) {
            HttpReply empty = Http.post(session + "/jsonp_send", data, "Content-Type", FORM);
            assertEquals(500, empty.status(), data);
            assertTrue(empty.body().contains("Payload expected."), empty.body());
        }

        assertEquals("ok", Http.post(session + "/jsonp_send", "d=%5B%22b%22%5D", "Content-Type", FORM).body());

        HttpReply poll = Http.get(session + "/jsonp?c=x");
        assertEquals(200, poll.status());
        assertEquals("/**/x(\"a[\\\"b\\\"]\");\r\n", poll.body());
    }

    /** A form body is decoded; any other body is taken as raw JSON and not decoded. */
    @Test
    void contentTypes() {
        String session = Service.ECHO.newSession();
        assertEquals("/**/x(\"o\");\r\n", Http.get(session + "/jsonp?c=x").body());

        assertEquals("ok", Http.post(session + "/jsonp_send", "d=%5B%22abc%22%5D", "Content-Type", FORM).body());
        assertEquals("ok", Http.post(session + "/jsonp_send", "[\"%61bc\"]", "Content-Type", "text/plain").body());

        HttpReply poll = Http.get(session + "/jsonp?c=x");
        assertEquals(200, poll.status());
        assertEquals("/**/x(\"a[\\\"abc\\\",\\\"%61bc\\\"]\");\r\n", poll.body());
    }

    @Test
    void close() {
        String session = Service.CLOSE.newSession();
        assertEquals("/**/x(\"o\");\r\n", Http.get(session + "/jsonp?c=x").body());
        assertEquals("/**/x(\"c[3000,\\\"Go away!\\\"]\");\r\n", Http.get(session + "/jsonp?c=x").body());
        assertEquals("/**/x(\"c[3000,\\\"Go away!\\\"]\");\r\n", Http.get(session + "/jsonp?c=x").body());
    }

    @Test
    void sendingEmptyFrame() {
        String session = Service.ECHO.newSession();
        assertEquals("/**/x(\"o\");\r\n", Http.get(session + "/jsonp?c=x").body());

        assertEquals("ok", Http.post(session + "/jsonp_send", "d=%5B%5D", "Content-Type", FORM).body());
        assertEquals("ok", Http.post(session + "/jsonp_send", "d=%5B%22x%22%5D", "Content-Type", FORM).body());

        HttpReply poll = Http.get(session + "/jsonp?c=x");
        assertEquals(200, poll.status());
        assertEquals("/**/x(\"a[\\\"x\\\"]\");\r\n", poll.body());
    }
}
