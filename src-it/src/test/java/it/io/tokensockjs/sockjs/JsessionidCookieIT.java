package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertNoCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import it.io.tokensockjs.sockjs.Target.Service;

import jakarta.json.JsonValue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The JSESSIONID option: load balancers that keep sessions sticky by that cookie see it on every session
 * transport; the client's own value is echoed, else {@code dummy}.
 */
public class JsessionidCookieIT {

    @Test
    void basic() {
        HttpReply reply = Http.get(Service.COOKIE_NEEDED_ECHO.path() + "/info");
        assertEquals(200, reply.status());
        assertNoCookie(reply.head());
        assertEquals(JsonValue.TRUE, SockJsAssert.json(reply.body()).get("cookie_needed"));
    }

    @Test
    void xhr() {
        HttpReply reply = Http.post(Service.COOKIE_NEEDED_ECHO.newSession() + "/xhr", "");
        assertEquals(200, reply.status());
        assertEquals("o\n", reply.body());
        assertCookie(reply.head(), "dummy");

        // A cookie the client already has is echoed.
        HttpReply echoed = Http.post(Service.COOKIE_NEEDED_ECHO.newSession() + "/xhr", "", "Cookie", "JSESSIONID=abcdef");
        assertEquals(200, echoed.status());
        assertEquals("o\n", echoed.body());
        assertCookie(echoed.head(), "abcdef");
    }

    @Test
    void xhrStreaming() {
        try (HttpStream stream = Http.open("POST", Service.COOKIE_NEEDED_ECHO.newSession() + "/xhr_streaming")) {
            assertEquals(200, stream.status());
            assertCookie(stream.head(), "dummy");
        }
    }

    @Test
    void eventsource() {
        try (HttpStream stream = Http.open("GET", Service.COOKIE_NEEDED_ECHO.newSession() + "/eventsource")) {
            assertEquals(200, stream.status());
            assertCookie(stream.head(), "dummy");
        }
    }

    @Test
    void htmlfile() {
        try (HttpStream stream = Http.open("GET", Service.COOKIE_NEEDED_ECHO.newSession() + "/htmlfile?c=%63allback")) {
            assertEquals(200, stream.status());
            assertCookie(stream.head(), "dummy");
        }
    }

    @Test
    void jsonp() {
        String session = Service.COOKIE_NEEDED_ECHO.newSession();
        HttpReply open = Http.get(session + "/jsonp?c=%63allback");
        assertEquals(200, open.status());
        assertCookie(open.head(), "dummy");
        assertEquals("/**/callback(\"o\");\r\n", open.body());

        HttpReply send = Http.post(session + "/jsonp_send", "d=%5B%22x%22%5D",
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals("ok", send.body());
        assertEquals(200, send.status());
        assertCookie(send.head(), "dummy");
    }

    /** One {@code Set-Cookie} (a second one fails {@link HttpHead#header}) of {@code JSESSIONID=<value>; Path=/}. */
    static void assertCookie(HttpHead head, String value) {
        String cookie = head.header("Set-Cookie");
        assertNotNull(cookie, () -> "a JSESSIONID cookie expected:\n" + head);
        String[] parts = cookie.split(";");
        assertEquals("JSESSIONID=" + value, parts[0].strip());
        assertEquals("path=/", parts[1].strip().toLowerCase(Locale.ROOT));
    }
}
