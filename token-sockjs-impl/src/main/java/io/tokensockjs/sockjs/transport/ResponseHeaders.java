package io.tokensockjs.sockjs.transport;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The header sets SockJS answers share: CORS, caching and the sticky-session cookie. */
final class ResponseHeaders {

    static final String NO_CACHE = "no-store, no-cache, no-transform, must-revalidate, max-age=0";
    static final long ONE_YEAR_SECONDS = 31_536_000L;

    private ResponseHeaders() {
    }

    /**
     * CORS for credentialed requests: the request's origin is echoed (a browser refuses {@code *} with
     * credentials), {@code null} included as sent by pages opened from files; without an origin, {@code *}
     * and no credentials.
     */
    static void cors(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isEmpty()) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        } else {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
            response.addHeader("Vary", "Origin");
        }
        String requested = request.getHeader("Access-Control-Request-Headers");
        if (requested != null && !requested.isEmpty()) {
            response.setHeader("Access-Control-Allow-Headers", requested);
        }
    }

    /** Never cached: answers that carry session data over GET, and POSTs that iOS 6 would cache. */
    static void noCache(HttpServletResponse response) {
        response.setHeader("Cache-Control", NO_CACHE);
    }

    /** Cached for a year: the iframe page and CORS preflight answers. */
    static void cacheForAYear(HttpServletResponse response) {
        response.setHeader("Cache-Control", "public, max-age=" + ONE_YEAR_SECONDS);
        response.setHeader("Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(ONE_YEAR_SECONDS)));
    }

    /**
     * The iframe page is framed by pages of any origin (the iframe transports load it from the server's origin
     * inside the client's page). Some runtimes add {@code X-Frame-Options: SAMEORIGIN} to every answer (Payara,
     * unless the answer has its own); a CSP {@code frame-ancestors} directive takes precedence over that header in
     * browsers and says so in a standard way.
     */
    static void framableByAnyOrigin(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "frame-ancestors *");
    }

    /**
     * The sticky-session cookie: the client's {@code JSESSIONID} echoed, else {@code dummy}, on path {@code /}.
     * Written as a header so the container's own session machinery is never touched.
     */
    static void jsessionid(HttpServletRequest request, HttpServletResponse response) {
        String value = "dummy";
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if ("JSESSIONID".equals(cookie.getName()) && isCookieValue(cookie.getValue())) {
                    value = cookie.getValue();
                }
            }
        }
        response.addHeader("Set-Cookie", "JSESSIONID=" + value + "; Path=/");
    }

    /** Only plain token characters are echoed back into a header: no header splitting through a cookie value. */
    private static boolean isCookieValue(String value) {
        if (value == null || value.isEmpty() || value.length() > 256) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == ';' || c == ',' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
