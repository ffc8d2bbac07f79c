package io.tokensockjs.sockjs.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The answers that need no session: the greeting, {@code /info}, the iframe page, preflights and errors.
 * Bodies are written as bytes with explicit headers so the container adds nothing (no charset of its own,
 * no error page, no session cookie).
 */
final class StaticAnswers {

    private static final byte[] GREETING = "Welcome to SockJS!\n".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom ENTROPY = new SecureRandom();

    private final byte[] iframePage;
    private final String iframeEtag;
    private final boolean websocket;
    private final boolean cookieNeeded;
    private final boolean cors;

    StaticAnswers(String sockjsUrl, boolean websocket, boolean cookieNeeded, boolean cors) {
        this.iframePage = iframePage(sockjsUrl).getBytes(StandardCharsets.UTF_8);
        this.iframeEtag = '"' + sha256Hex(iframePage).substring(0, 32) + '"';
        this.websocket = websocket;
        this.cookieNeeded = cookieNeeded;
        this.cors = cors;
    }

    void greeting(HttpServletResponse response) throws IOException {
        body(response, 200, "text/plain; charset=UTF-8", GREETING);
    }

    void info(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResponseHeaders.noCache(response);
        if (cors) {
            ResponseHeaders.cors(request, response);
        }
        long entropy = ENTROPY.nextInt() & 0xffffffffL;
        String json = "{\"websocket\":" + websocket + ",\"origins\":[\"*:*\"],\"cookie_needed\":" + cookieNeeded
                + ",\"entropy\":" + entropy + "}";
        body(response, 200, "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
    }

    void iframe(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResponseHeaders.cacheForAYear(response);
        ResponseHeaders.framableByAnyOrigin(response);
        response.setHeader("ETag", iframeEtag);
        if (iframeEtag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        body(response, 200, "text/html; charset=UTF-8", iframePage);
    }

    /**
     * A CORS preflight: 204, the allowed methods, cached for a year; with disable_cors, as in sockjs-node, without the
     * origin, credentials and headers grants.
     */
    void preflight(HttpServletRequest request, HttpServletResponse response, String methods) {
        response.setStatus(204);
        ResponseHeaders.cacheForAYear(response);
        response.setHeader("Access-Control-Allow-Methods", methods);
        response.setHeader("Access-Control-Max-Age", Long.toString(ResponseHeaders.ONE_YEAR_SECONDS));
        if (cors) {
            ResponseHeaders.cors(request, response);
        }
    }

    /** 405 with an {@code Allow} header, no content type and no body. */
    static void methodNotAllowed(HttpServletResponse response, String allowed) {
        response.setStatus(405);
        response.setHeader("Allow", allowed);
        response.setContentLength(0);
    }

    static void notFound(HttpServletResponse response) throws IOException {
        text(response, 404, "Not found\n");
    }

    /** A plain-text error with the exact wording clients and the conformance suite look for. */
    static void text(HttpServletResponse response, int status, String message) throws IOException {
        body(response, status, "text/plain; charset=UTF-8", message.getBytes(StandardCharsets.UTF_8));
    }

    static void body(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setHeader("Content-Type", contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String iframePage(String sockjsUrl) {
        return """
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
                </html>""".formatted(escapeAttribute(sockjsUrl));
    }

    private static String escapeAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
