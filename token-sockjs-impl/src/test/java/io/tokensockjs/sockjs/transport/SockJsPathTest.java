package io.tokensockjs.sockjs.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SockJsPathTest {

    @Test
    void greetingInfoAndRawWebsocket() {
        assertEquals(SockJsPath.Kind.GREETING, SockJsPath.parse("").kind());
        assertEquals(SockJsPath.Kind.GREETING, SockJsPath.parse("/").kind());
        assertEquals(SockJsPath.Kind.INFO, SockJsPath.parse("/info").kind());
        assertEquals(SockJsPath.Kind.RAW_WEBSOCKET, SockJsPath.parse("/websocket").kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/iframe.html", "/iframe-a.html", "/iframe-.html", "/iframe-0.1.2.html",
        "/iframe-0.1.2abc-dirty.2144.html"})
    void iframePages(String path) {
        assertEquals(SockJsPath.Kind.IFRAME, SockJsPath.parse(path).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/iframe.htm", "/iframe", "/IFRAME.HTML", "/IFRAME", "/iframe.HTML", "/iframe.xml",
        "/iframe-/.html", "/a", "/a.html", "//", "///", "/a/a", "/a/a/", "/a/", "x", "/info/", "/websocket/"})
    void notFound(String path) {
        assertEquals(SockJsPath.Kind.NOT_FOUND, SockJsPath.parse(path).kind());
    }

    @Test
    void sessionUrlsKeepTheRawSessionId() {
        SockJsPath path = SockJsPath.parse("/abcdefgh_i-j%20/abcdefg_i-j%20/xhr");
        assertEquals(SockJsPath.Kind.SESSION, path.kind());
        assertEquals("abcdefg_i-j%20", path.sessionId());
        assertEquals("xhr", path.transportToken());
    }

    @ParameterizedTest
    @ValueSource(strings = {"///xhr", "/a./a/xhr", "/a/a./xhr", "/./././xhr", "//xhr", "////xhr", "/a/a/", "/a/a/xhr/", "/a/a/b/xhr"})
    void malformedSessionUrlsAreNotFound(String path) {
        assertEquals(SockJsPath.Kind.NOT_FOUND, SockJsPath.parse(path).kind());
    }
}
