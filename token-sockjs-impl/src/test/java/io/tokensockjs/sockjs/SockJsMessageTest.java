package io.tokensockjs.sockjs;

import io.tokensockjs.sockjs.frame.SockJsFrames;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

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
    void aMessageIsMeasuredOnceHoweverManySocketsCountIt() {
        SockJsMessage fannedOut = SockJsMessage.of("caf\u00e9");
        AtomicInteger measurements = new AtomicInteger();
        ToLongFunction<String> utf8Length = text -> {
            measurements.incrementAndGet();
            return text.getBytes(StandardCharsets.UTF_8).length;
        };
        for (int socket = 0; socket < 3; socket++) {
            assertEquals(5, fannedOut.measured(utf8Length));
        }
        assertEquals(1, measurements.get());
    }

    @Test
    void closeFrameCarriesCodeAndQuotedReason() {
        assertEquals("c[3000,\"Go \\\"away\\\"!\"]", SockJsFrames.close(3000, "Go \"away\"!"));
    }
}
