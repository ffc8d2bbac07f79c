package it.io.tokensockjs.sockjs;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sockjs-node's options beyond the conformance suite's, on the wire: {@code disable_cors}, and {@code jsessionid}
 * and {@code log} given as functions (application beans here).
 */
public class SockJsOptionsIT {

    private static String service(String name) {
        return Target.contextRoot() + "/" + name;
    }

    @Test
    void disableCorsAnswersWithoutCorsHeaders() {
        HttpReply plain = Http.get(service("no_cors_echo") + "/info", "Origin", "http://page.example");
        assertEquals(200, plain.status());
        assertNull(plain.header("Access-Control-Allow-Origin"), plain::toString);
        assertNull(plain.header("Access-Control-Allow-Credentials"), plain::toString);
        HttpReply poll = Http.post(service("no_cors_echo") + "/000/" + UUID.randomUUID() + "/xhr", "", "Origin", "http://page.example");
        assertEquals("o\n", poll.body());
        assertNull(poll.header("Access-Control-Allow-Origin"), poll::toString);

        HttpReply withCors = Http.get(service("echo") + "/info", "Origin", "http://page.example");
        assertEquals("http://page.example", withCors.header("Access-Control-Allow-Origin"), "the other services keep CORS");
    }

    @Test
    void aJsessionidBeanSetsTheCookie() {
        HttpReply poll = Http.post(service("cookie_function_echo") + "/000/" + UUID.randomUUID() + "/xhr", "");
        assertEquals("o\n", poll.body());
        assertEquals("ROUTE=it-node; Path=/", poll.header("Set-Cookie"));
        assertTrue(Http.get(service("cookie_function_echo") + "/info").body().contains("\"cookie_needed\":true"));
    }

    @Test
    void aLogBeanReceivesTheServicesLines() {
        String broken = service("logged_echo") + "/000/" + UUID.randomUUID();
        assertEquals("o\n", Http.post(broken + "/xhr", "").body());
        HttpReply refused = Http.post(broken + "/xhr_send", "[\"unterminated");
        assertEquals(500, refused.status());
        assertEquals("Broken JSON encoding.", refused.body());

        String reader = service("logged_echo") + "/000/" + UUID.randomUUID();
        assertEquals("o\n", Http.post(reader + "/xhr", "").body());
        assertEquals(204, Http.post(reader + "/xhr_send", "[\"log?\"]").status());
        String lines = Http.post(reader + "/xhr", "").body();
        assertTrue(lines.contains("INFO SockJS session ") && lines.contains(": broken JSON ("), lines);
    }
}
