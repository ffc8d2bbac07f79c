package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertNoCookie;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotCached;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import it.io.tokensockjs.sockjs.Target.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The Open Liberty pitfalls of the stack notes, each shown handled on the running server: streaming answers
 * leave at once, error answers are the SockJS ones rather than Liberty's pages, preflights reach the servlet,
 * and cookies appear only where SockJS wants them.
 */
public class LibertyPitfallsIT {

    private static final String ORIGIN = "https://app.example";

    /**
     * On Liberty the first flush of a response sends nothing. With nothing sent to the session after it opens
     * (the next heartbeat is 25 s away, beyond the read timeout), the prelude and the open frame must still
     * arrive, each as its own chunk.
     */
    @Test
    void streamingAnswersFlushPreludeAndOpenFrameAtOnce() {
        record Case(String method, String transport, String prelude, String open) {
        }
        for (Case c : List.of(
                new Case("POST", "/xhr_streaming", XhrStreamingIT.PRELUDE, "o\n"),
                new Case("GET", "/eventsource", "\r\n", "data: o\r\n\r\n"),
                new Case("GET", "/htmlfile?c=callback", null, "<script>\np(\"o\");\n</script>\r\n"))) {
            try (HttpStream stream = Http.open(c.method(), Service.ECHO.newSession() + c.transport())) {
                assertEquals(200, stream.status(), c.transport());
                String prelude = stream.nextChunk();
                if (c.prelude() != null) {
                    assertEquals(c.prelude(), prelude, c.transport());
                } else {
                    assertEquals(HtmlFileIT.HEAD.formatted("callback"), prelude.strip());
                }
                assertEquals(c.open(), stream.nextChunk(), c.transport());
            }
        }
    }

    /**
     * {@code sendError()}, unmapped paths and default 405s get Liberty's HTML page with a {@code $WSEP} header;
     * Liberty also adds {@code Content-Language} everywhere. SockJS errors must be its own short plain texts.
     */
    @Test
    void errorAnswersAreSockJsPlainText() {
        String echo = Service.ECHO.path();
        String session = Service.ECHO.newSession();
        assertEquals("o\n", Http.post(session + "/xhr", "").body());

        record Case(String method, String path, String body, int status, String answer) {
        }
        for (Case c : List.of(
                new Case("GET", echo + "/a/a/", null, 404, "Not found\n"),
                new Case("GET", echo + "/000/abc/no_such_transport", null, 404, "Not found\n"),
                new Case("POST", echo + "/000/no_such_session/xhr_send", "[\"a\"]", 404, "Not found\n"),
                new Case("GET", Service.DISABLED_WEBSOCKET_ECHO.path() + "/000/abc/websocket", null, 404, "Not found\n"),
                new Case("GET", echo + "/000/abc/websocket", null, 400, "Can \"Upgrade\" only to \"WebSocket\"."),
                new Case("POST", session + "/xhr_send", "[\"x", 500, "Broken JSON encoding."),
                new Case("POST", session + "/xhr_send", "", 500, "Payload expected."),
                new Case("GET", echo + "/a/a/jsonp", null, 500, "\"callback\" parameter required"),
                new Case("GET", echo + "/a/a/htmlfile?c=abc%28", null, 500, "invalid \"callback\" parameter"))) {
            HttpReply reply = Http.exchange(c.method(), c.path(), c.body());
            String what = c.method() + " " + c.path() + "\n" + reply;
            assertEquals(c.status(), reply.status(), what);
            assertEquals("text/plain; charset=UTF-8", reply.header("Content-Type"), what);
            assertEquals(c.answer(), reply.body(), what);
            assertNoContainerTraces(reply, what);
        }

        // 405s: an Allow header, and neither type nor body.
        record NotAllowed(String method, String path, String allow) {
        }
        for (NotAllowed c : List.of(
                new NotAllowed("POST", echo, "GET"),
                new NotAllowed("PUT", echo + "/info", "OPTIONS, GET"),
                new NotAllowed("DELETE", echo + "/iframe.html", "GET"),
                new NotAllowed("GET", session + "/xhr", "OPTIONS, POST"),
                new NotAllowed("OPTIONS", session + "/jsonp", "GET"),
                new NotAllowed("POST", echo + "/000/abc/websocket", "GET"))) {
            HttpReply reply = Http.exchange(c.method(), c.path(), "POST".equals(c.method()) ? "" : null);
            String what = c.method() + " " + c.path() + "\n" + reply;
            assertEquals(405, reply.status(), what);
            assertEquals(c.allow(), reply.header("Allow"), what);
            assertNull(reply.header("Content-Type"), what);
            assertEquals("", reply.body(), what);
            assertNoContainerTraces(reply, what);
        }
    }

    /**
     * A {@code <cors>} element would take OPTIONS away from the servlet and answer with its own headers. The
     * preflights carry exactly the SockJS headers: the servlet answered.
     */
    @Test
    void preflightsReachTheServlet() {
        String session = Service.ECHO.newSession();
        record Case(String path, String methods) {
        }
        for (Case c : List.of(
                new Case(Service.ECHO.path() + "/info", "OPTIONS, GET"),
                new Case(session + "/xhr", "OPTIONS, POST"),
                new Case(session + "/xhr_send", "OPTIONS, POST"),
                new Case(session + "/xhr_streaming", "OPTIONS, POST"))) {
            HttpReply reply = Http.options(c.path(), "Origin", ORIGIN, "Access-Control-Request-Method", "POST",
                    "Access-Control-Request-Headers", "content-type");
            String what = c.path() + "\n" + reply;
            assertEquals(204, reply.status(), what);
            assertEquals(c.methods(), reply.header("Access-Control-Allow-Methods"), what);
            assertEquals("31536000", reply.header("Access-Control-Max-Age"), what);
            assertEquals("public, max-age=31536000", reply.header("Cache-Control"), what);
            assertNotNull(reply.header("Expires"), what);
            assertEquals(ORIGIN, reply.header("Access-Control-Allow-Origin"), what);
            assertEquals("true", reply.header("Access-Control-Allow-Credentials"), what);
            assertEquals("content-type", reply.header("Access-Control-Allow-Headers"), what);
            assertNull(reply.header("Content-Type"), what);
            assertEquals("", reply.body(), what);
            assertNoContainerTraces(reply, what);
            assertNoCookie(reply.head());
        }
    }

    /**
     * Touching the HTTP session makes Liberty add its own JSESSIONID, a second cookie beside the SockJS one, and
     * any {@code Set-Cookie} makes it add an {@code Expires} date of 1994 (unless {@code noCacheCookiesControl}
     * is off). With the option on, every session transport sets exactly one cookie and keeps its exact no-cache
     * headers; the static answers and services without the option set none, whatever cookie the client sends.
     */
    @Test
    void onlyTheSockJsCookie() {
        String session = Service.COOKIE_NEEDED_ECHO.newSession();
        for (String clientCookie : List.of("", "JSESSIONID=abcdef")) {
            String expected = clientCookie.isEmpty() ? "dummy" : "abcdef";
            String[] headers = clientCookie.isEmpty() ? new String[0] : new String[] {"Cookie", clientCookie};

            List<HttpHead> answers = new ArrayList<>();
            answers.add(Http.post(session + "/xhr", "", headers).head());
            answers.add(Http.post(session + "/xhr_send", "[\"a\"]", headers).head());
            answers.add(Http.get(session + "/jsonp?c=x", headers).head());
            answers.add(Http.post(session + "/jsonp_send", "[\"a\"]", headers).head());
            try (HttpStream stream = Http.open("GET", Service.COOKIE_NEEDED_ECHO.newSession() + "/eventsource", headers)) {
                answers.add(stream.head());
            }
            for (HttpHead head : answers) {
                JsessionidCookieIT.assertCookie(head, expected);
                assertNotCached(head);
            }

            for (Service service : List.of(Service.COOKIE_NEEDED_ECHO, Service.ECHO)) {
                for (String suffix : List.of("", "/", "/info", "/iframe.html")) {
                    HttpReply reply = Http.get(service.path() + suffix, headers);
                    assertEquals(200, reply.status(), service.path() + suffix);
                    assertNoCookie(reply.head());
                }
            }
            String echo = Service.ECHO.newSession();
            assertNoCookie(Http.post(echo + "/xhr", "", headers).head());
            assertNoCookie(Http.post(echo + "/xhr_send", "[\"a\"]", headers).head());
            assertNoCookie(Http.get(echo + "/jsonp?c=x", headers).head());
        }
    }

    /** No trace of Liberty's error machinery: no {@code $WSEP}, no {@code Content-Language}, no HTML. */
    private static void assertNoContainerTraces(HttpReply reply, String what) {
        assertFalse(reply.head().has("$WSEP"), what);
        assertFalse(reply.head().has("Content-Language"), what);
        String type = reply.header("Content-Type");
        assertFalse(type != null && type.toLowerCase(Locale.ROOT).contains("html"), what);
        assertFalse(reply.body().contains("<"), what);
    }
}
