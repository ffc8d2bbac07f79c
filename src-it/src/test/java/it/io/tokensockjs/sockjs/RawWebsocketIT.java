package it.io.tokensockjs.sockjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import it.io.tokensockjs.sockjs.Target.Service;

import org.junit.jupiter.api.Test;

/** {@code <base>/websocket}: plain websocket messages, no SockJS framing, for programs rather than browsers. */
public class RawWebsocketIT {

    @Test
    void transport() throws Exception {
        try (WsClient ws = WsClient.connect(Service.ECHO.path() + "/websocket")) {
            ws.send("Hello world!\uffff");
            assertEquals("Hello world!\uffff", ws.nextText());
        }
    }

    /** With no framing, closing the session is a websocket close whose reason says why. */
    @Test
    void close() throws Exception {
        try (WsClient ws = WsClient.connect(Service.CLOSE.path() + "/websocket")) {
            WsClient.Closed closed = assertInstanceOf(WsClient.Closed.class, ws.nextEnd());
            assertEquals("Go away!", closed.reason());
        }
    }
}
