package io.tokensockjs.client;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server that breaks SockJS gets its connection dropped, with a reason; the client never hangs or crashes. */
class HostileServerTest extends ClientTestSupport {

    private void assertDroppedFor(String frame, String reasonStart) throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> waiting = connected.client().rpc("slow", JsonValue.NULL);
        connected.socket().next("slow");
        connected.socket().sendFrame(frame);
        ConnectionClosedException dropped = assertInstanceOf(ConnectionClosedException.class, failure(waiting));
        assertEquals(CloseStatus.ABNORMAL, dropped.status().code());
        assertTrue(dropped.status().reason().startsWith(reasonStart), dropped.status().reason());
        assertEquals(dropped.status(), await(connected.client().closed()));
    }

    @Test
    void brokenFramesDropTheConnection() throws Exception {
        assertDroppedFor("x", "Protocol error: not a SockJS frame");
        assertDroppedFor("a[\"unterminated", "Protocol error: broken JSON");
        assertDroppedFor("a[1,2]", "Protocol error: a message frame holds a NUMBER");
        assertDroppedFor("c[\"3000\",\"reason\"]", "Protocol error: a close frame");
        assertDroppedFor("o", "Protocol error: a second open frame");
        assertDroppedFor("a" + "[".repeat(100_000), "Protocol error: broken JSON");
    }

    @Test
    void messagesBeforeTheOpenFrameAreAProtocolError() throws Exception {
        server.withoutOpenFrame();
        CompletionStage<TokenSocketClient> connecting = builder().connect();
        server.awaitSocket().sendFrame("a[\"{}\"]");
        ConnectionClosedException refused = assertInstanceOf(ConnectionClosedException.class, failure(connecting));
        assertEquals("Protocol error: messages before the open frame", refused.status().reason());
    }

    @Test
    void aBinaryMessageDropsTheConnection() throws Exception {
        Connected connected = connect();
        connected.socket().sendBinary(new byte[] {1, 2, 3});
        assertEquals("Protocol error: a binary websocket message", await(connected.client().closed()).reason());
    }

    @Test
    void aFrameLargerThanTheLimitDropsTheConnectionWithoutBufferingIt() throws Exception {
        Connected connected = connect(builder().maxMessageSize(64 * 1024));
        try {
            connected.socket().sendMessages("{\"channel\":\"big\",\"message\":\"" + "x".repeat(128 * 1024) + "\"}");
        } catch (java.net.SocketException e) {
            // The client may drop the connection before the whole frame is written: what this test expects of it.
        }
        assertEquals(new CloseStatus(1009, "Frame larger than 65536 characters"), await(connected.client().closed()));
        assertTrue(events.next().startsWith("disconnected 1009"));
    }

    @Test
    void heartbeatsAreQuietlyAccepted() throws Exception {
        Connected connected = connect();
        connected.socket().sendFrame("h");
        CompletionStage<JsonValue> call = connected.client().rpc("after", JsonValue.NULL);
        connected.socket().answer(connected.socket().next("after"), JsonValue.TRUE);
        assertEquals(JsonValue.TRUE, await(call));
    }
}
