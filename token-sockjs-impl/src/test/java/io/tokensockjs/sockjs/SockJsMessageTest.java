package io.tokensockjs.sockjs;

import io.tokensockjs.sockjs.frame.SockJsFrames;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SockJsMessageTest {

    @Test
    void severalQueuedMessagesShareOneArrayFrame() {
        SockJsMessage first = SockJsMessage.of("{\"a\":\"x\"}");
        SockJsMessage second = SockJsMessage.of("line\nbreak \u2028");
        assertEquals("a[\"{\\\"a\\\":\\\"x\\\"}\",\"line\\nbreak \\u2028\"]", SockJsMessage.frameOf(List.of(first, second)));
    }

    @Test
    void oneMessageSentToManySessionsIsQuotedAndFramedOnce() {
        SockJsMessage fannedOut = SockJsMessage.of("{\"channel\":\"room\",\"message\":1}");
        String forOneSession = SockJsMessage.frameOf(List.of(fannedOut));
        assertEquals("a[\"{\\\"channel\\\":\\\"room\\\",\\\"message\\\":1}\"]", forOneSession);
        assertSame(forOneSession, SockJsMessage.frameOf(List.of(fannedOut)));
        assertSame(fannedOut.quoted(), fannedOut.quoted());
    }

    @Test
    void closeFrameCarriesCodeAndQuotedReason() {
        assertEquals("c[3000,\"Go \\\"away\\\"!\"]", SockJsFrames.close(3000, "Go \"away\"!"));
    }
}
