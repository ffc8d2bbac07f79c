package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertMethodNotAllowed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import it.io.tokensockjs.sockjs.Target.Service;

import org.junit.jupiter.api.Test;

/** The websocket URL answered as plain HTTP: only an upgrade may succeed there. */
public class WebsocketHttpErrorsIT {

    private static final String URL = Service.ECHO.path() + "/0/0/websocket";

    /** A plain GET is refused. */
    @Test
    void httpMethod() {
        HttpReply reply = Http.get(URL);
        assertEquals(400, reply.status());
        assertEquals("Can \"Upgrade\" only to \"WebSocket\".", reply.body());
    }

    /**
     * Proxies may rewrite {@code Connection}; a websocket request without {@code Connection: Upgrade} is refused.
     * Liberty's websocket container sees {@code Upgrade: WebSocket} and answers this one itself, before the
     * SockJS servlet: a 400 with an empty body (the 0.3.3 suite checks only the status here).
     */
    @Test
    void invalidConnectionHeader() {
        HttpReply reply = Http.get(URL, "Upgrade", "WebSocket", "Connection", "close");
        assertEquals(400, reply.status());
        assertFalse(reply.body().contains("<"), () -> "no HTML error page:\n" + reply);
    }

    /** Only GET can be upgraded: anything else is 405, with or without upgrade headers. */
    @Test
    void invalidMethod() {
        assertMethodNotAllowed(Http.post(URL, "", "Upgrade", "WebSocket", "Connection", "Upgrade"));
        assertMethodNotAllowed(Http.post(URL, ""));
    }
}
