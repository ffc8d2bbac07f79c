package io.tokensockjs.client;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The frames byte for byte. */
class SockJsFramesTest {

    @Test
    void readsEveryFrameTheServerSends() throws Exception {
        assertInstanceOf(SockJsFrames.Open.class, SockJsFrames.parse("o"));
        assertInstanceOf(SockJsFrames.Heartbeat.class, SockJsFrames.parse("h"));
        assertEquals(List.of("{\"a\":1}", "x\u2028"), ((SockJsFrames.Messages) SockJsFrames.parse("a[\"{\\\"a\\\":1}\",\"x\\u2028\"]")).messages());
        assertEquals(new CloseStatus(3000, "Go away!"), ((SockJsFrames.Close) SockJsFrames.parse("c[3000,\"Go away!\"]")).status());
        assertThrows(SockJsFrames.FrameException.class, () -> SockJsFrames.parse("c[3000]"));
        assertThrows(SockJsFrames.FrameException.class, () -> SockJsFrames.parse("c[3000.5,\"x\"]"));
        assertThrows(SockJsFrames.FrameException.class, () -> SockJsFrames.parse(""));
    }

    @Test
    void writesAJsonArrayOfStringsEscapingWhatBrowsersAndProxiesMangle() {
        assertEquals("[\"{\\\"rpc\\\":\\\"a\\\"}\",\"b\"]", SockJsFrames.encode(List.of("{\"rpc\":\"a\"}", "b")));
        assertEquals("[\"\\u0000\\n\\u2028\\ufeff\\ud800x\\udc00\ud83d\ude00\\uffff\"]",
                SockJsFrames.encode(List.of("\u0000\n\u2028\ufeff\ud800x\udc00\ud83d\ude00\uffff")));
    }
}
