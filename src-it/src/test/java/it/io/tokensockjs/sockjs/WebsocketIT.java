package it.io.tokensockjs.sockjs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.io.tokensockjs.sockjs.Target.Service;

import org.junit.jupiter.api.Test;

/**
 * The framed websocket transport {@code <base>/<server>/<session>/websocket}: the suite's first websocket
 * class, run over RFC 6455 (the JDK client), since the hixie-76 handshake is out of scope.
 */
public class WebsocketIT {

    @Test
    void transport() throws Exception {
        try (WsClient ws = WsClient.connect(Service.ECHO.newSession() + "/websocket")) {
            assertEquals("o", ws.nextText());
            ws.send("[\"a\"]");
            assertEquals("a[\"a\"]", ws.nextText());
        }
    }

    /** The close frame arrives as a message, then the server closes the connection. */
    @Test
    void close() throws Exception {
        try (WsClient ws = WsClient.connect(Service.CLOSE.newSession() + "/websocket")) {
            assertEquals("o", ws.nextText());
            assertEquals("c[3000,\"Go away!\"]", ws.nextText());
            ws.nextEnd();
        }
    }

    /** Empty messages and arrays of no messages are ignored. */
    @Test
    void emptyFrame() throws Exception {
        try (WsClient ws = WsClient.connect(Service.ECHO.newSession() + "/websocket")) {
            assertEquals("o", ws.nextText());
            ws.send("");
            ws.send("[]");
            ws.send("[\"a\"]");
            assertEquals("a[\"a\"]", ws.nextText());
        }
    }

    /**
     * A websocket session lives as long as its connection: two connections may share a session id at once, and
     * the id may be used again after they close.
     */
    @Test
    void reuseSessionId() throws Exception {
        String url = Service.ECHO.newSession() + "/websocket";
        try (WsClient first = WsClient.connect(url); WsClient second = WsClient.connect(url)) {
            assertEquals("o", first.nextText());
            assertEquals("o", second.nextText());

            first.send("[\"a\"]");
            assertEquals("a[\"a\"]", first.nextText());
            second.send("[\"b\"]");
            assertEquals("a[\"b\"]", second.nextText());
        }
        try (WsClient again = WsClient.connect(url)) {
            assertEquals("o", again.nextText());
            again.send("[\"a\"]");
            assertEquals("a[\"a\"]", again.nextText());
        }
    }

    /** Broken JSON ends the connection at once, with no SockJS close frame. */
    @Test
    void brokenJson() throws Exception {
        try (WsClient ws = WsClient.connect(Service.ECHO.newSession() + "/websocket")) {
            assertEquals("o", ws.nextText());
            ws.send("[\"a");
            ws.nextEnd();
        }
    }
}
