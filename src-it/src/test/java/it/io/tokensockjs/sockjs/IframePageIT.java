package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertCachedLong;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertContentType;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNoCookie;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotFound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.tokensockjs.sockjs.Target.Service;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code /iframe*.html}: the page the iframe-based transports load on the server's origin. It must be exactly
 * this page (only the script URL may vary), strongly cacheable, and the same whatever version the URL names.
 */
public class IframePageIT {

    /** The page with its script URL as {@code %s}. */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html>
            <head>
              <meta http-equiv="X-UA-Compatible" content="IE=edge" />
              <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
              <script src="%s"></script>
              <script>
                document.domain = document.domain;
                SockJS.bootstrap_iframe();
              </script>
            </head>
            <body>
              <h2>Don't panic!</h2>
              <p>This is a SockJS hidden iframe. It's used for cross domain magic.</p>
            </body>
            </html>""";

    private static final Pattern SCRIPT_URL = Pattern.compile("<script src=\"([^\"]*)\"></script>");

    @Test
    void simpleUrl() {
        verify(Service.ECHO.path() + "/iframe.html");
    }

    /** Clients may version the URL so caches keep one copy per client version: the same page answers. */
    @Test
    void versionedUrl() {
        for (String suffix : List.of("/iframe-a.html", "/iframe-.html", "/iframe-0.1.2.html",
                "/iframe-0.1.2abc-dirty.2144.html")) {
            verify(Service.ECHO.path() + suffix);
        }
    }

    /** A random query string (a client skipping caches) changes nothing. */
    @Test
    void queriedUrl() {
        for (String suffix : List.of("/iframe-a.html?t=1234", "/iframe-0.1.2.html?t=123414",
                "/iframe-0.1.2abc-dirty.2144.html?t=qweqweq123")) {
            verify(Service.ECHO.path() + suffix);
        }
    }

    @Test
    void invalidUrl() {
        for (String suffix : List.of("/iframe.htm", "/iframe", "/IFRAME.HTML", "/IFRAME", "/iframe.HTML",
                "/iframe.xml", "/iframe-/.html")) {
            assertNotFound(Http.get(Service.ECHO.path() + suffix));
        }
    }

    /** The ETag is stable and {@code If-None-Match} with it answers 304 with neither type nor body. */
    @Test
    void cacheability() {
        HttpReply first = Http.get(Service.ECHO.path() + "/iframe.html");
        HttpReply second = Http.get(Service.ECHO.path() + "/iframe.html");
        assertNotNull(first.header("ETag"));
        assertEquals(first.header("ETag"), second.header("ETag"));

        HttpReply notModified = Http.get(Service.ECHO.path() + "/iframe.html", "If-None-Match", first.header("ETag"));
        assertEquals(304, notModified.status());
        assertNull(notModified.header("Content-Type"));
        assertEquals("", notModified.body());
    }

    private static void verify(String path) {
        HttpReply reply = Http.get(path);
        assertEquals(200, reply.status(), () -> path + ":\n" + reply);
        assertContentType(reply.head(), "text/html; charset=UTF-8");
        assertCachedLong(reply.head());
        assertNotNull(reply.header("ETag"));
        assertNull(reply.header("Last-Modified"));
        // Framed by the client's page, whatever its origin: a runtime's X-Frame-Options (Payara's SAMEORIGIN) is
        // overridden in browsers by the page's own frame-ancestors.
        assertEquals("frame-ancestors *", reply.header("Content-Security-Policy"));

        String body = reply.body().strip();
        Matcher script = SCRIPT_URL.matcher(body);
        assertTrue(script.find(), body);
        String sockjsUrl = script.group(1);
        assertEquals(PAGE.formatted(sockjsUrl), body);
        assertTrue(sockjsUrl.startsWith("/") || sockjsUrl.startsWith("http"), sockjsUrl);
        assertNoCookie(reply.head());
    }
}
