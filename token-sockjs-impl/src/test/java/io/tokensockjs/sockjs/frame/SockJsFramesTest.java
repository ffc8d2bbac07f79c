package io.tokensockjs.sockjs.frame;

import io.tokensockjs.sockjs.SockJsMessage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SockJsFramesTest {

    @Test
    void severalQueuedMessagesShareOneArrayFrame() {
        SockJsMessage first = SockJsMessage.of("{\"a\":\"x\"}");
        SockJsMessage second = SockJsMessage.of("line\nbreak \u2028");
        assertEquals("a[\"{\\\"a\\\":\\\"x\\\"}\",\"line\\nbreak \\u2028\"]", SockJsFrames.messages(List.of(first, second)));
    }

    @Test
    void oneMessageSentToManySessionsIsQuotedAndFramedOnce() {
        SockJsMessage fannedOut = SockJsMessage.of("{\"channel\":\"room\",\"message\":1}");
        String forOneSession = SockJsFrames.messages(List.of(fannedOut));
        assertEquals("a[\"{\\\"channel\\\":\\\"room\\\",\\\"message\\\":1}\"]", forOneSession);
        assertSame(forOneSession, SockJsFrames.messages(List.of(fannedOut)));
        assertSame(fannedOut.quoted(), fannedOut.quoted());
    }
}
