package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotFound;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.io.tokensockjs.sockjs.Target.Service;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/**
 * Session URLs {@code <base>/<server>/<session>/<transport>}: any non-empty server and session ids without
 * dots; the server id only helps load balancers and is ignored.
 */
public class SessionUrlsIT {

    @Test
    void anyValue() {
        // Random, so that the test can run again at once without meeting its earlier sessions.
        String r = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000_000));
        verify("/a/a" + r);
        for (String sessionPart : List.of("/_/_" + r, "/1/" + r, "/abcdefgh_i-j%20/abcdefg_i-j%20" + r)) {
            verify(sessionPart);
        }
    }

    @Test
    void invalidPaths() {
        for (String suffix : List.of("//", "/a./a", "/a/a.", "/./.", "/", "///")) {
            assertNotFound(Http.get(Service.ECHO.path() + suffix + "/xhr"));
            assertNotFound(Http.post(Service.ECHO.path() + suffix + "/xhr", ""));
        }
    }

    @Test
    void ignoringServerId() {
        String sessionId = UUID.randomUUID().toString();
        HttpReply open = Http.post(Service.ECHO.path() + "/000/" + sessionId + "/xhr", "");
        assertEquals(200, open.status());
        assertEquals("o\n", open.body());

        HttpReply send = Http.post(Service.ECHO.path() + "/000/" + sessionId + "/xhr_send", "[\"a\"]");
        assertEquals(204, send.status());
        assertEquals("", send.body());

        HttpReply poll = Http.post(Service.ECHO.path() + "/999/" + sessionId + "/xhr", "");
        assertEquals(200, poll.status());
        assertEquals("a[\"a\"]\n", poll.body());
    }

    /** A new session over xhr polling answers the open frame. */
    private static void verify(String sessionPart) {
        HttpReply reply = Http.post(Service.ECHO.path() + sessionPart + "/xhr", "");
        assertEquals(200, reply.status(), () -> sessionPart + ":\n" + reply);
        assertEquals("o\n", reply.body());
    }
}
