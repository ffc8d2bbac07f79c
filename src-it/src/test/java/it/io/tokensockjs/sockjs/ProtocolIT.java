package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotFound;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.io.tokensockjs.sockjs.Target.Service;

import org.junit.jupiter.api.Test;

/** The session state machine, seen through xhr polling: open, messages, one receiver at a time, close. */
public class ProtocolIT {

    @Test
    void simpleSession() throws Exception {
        String session = Service.ECHO.newSession();
        // A request for an unknown session id opens a new session: "o", then the transport's newline.
        HttpReply open = Http.post(session + "/xhr", "");
        assertEquals(200, open.status());
        assertEquals("o\n", open.body());

        HttpReply send = Http.post(session + "/xhr_send", "[\"a\"]");
        assertEquals(204, send.status());
        assertEquals("", send.body());

        // The echo comes back as an array frame.
        HttpReply poll = Http.post(session + "/xhr", "");
        assertEquals(200, poll.status());
        assertEquals("a[\"a\"]\n", poll.body());

        // Sending to a session that does not exist is an error.
        assertNotFound(Http.post(Service.ECHO.path() + "/000/bad_session/xhr_send", "[\"a\"]"));

        // Only one receiving request may wait on a session; a second one gets the 2010 close frame.
        try (RawHttpConnection waiting = Http.sendOnly("POST", session + "/xhr")) {
            Thread.sleep(250);
            HttpReply second = Http.post(session + "/xhr", "");
            assertEquals("c[2010,\"Another connection still open\"]\n", second.body());
            assertEquals(200, second.status());
        }
    }

    /** A session the server closed answers its close frame to every request until it is forgotten. */
    @Test
    void closeSession() {
        String session = Service.CLOSE.newSession();
        HttpReply open = Http.post(session + "/xhr", "");
        assertEquals(200, open.status());
        assertEquals("o\n", open.body());

        for (int i = 0; i < 2; i++) {
            HttpReply closed = Http.post(session + "/xhr", "");
            assertEquals(200, closed.status());
            assertEquals("c[3000,\"Go away!\"]\n", closed.body());
        }
    }
}
