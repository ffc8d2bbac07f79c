package it.io.tokensockjs.sockjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;

/** The checks the sockjs-protocol suite repeats across transports, on exact header values. */
final class SockJsAssert {

    /** The never-cache header of every session transport and {@code /info}. */
    static final String NO_CACHE = "no-store, no-cache, no-transform, must-revalidate, max-age=0";

    private static final Pattern LONG_MAX_AGE = Pattern.compile("max-age=[1-9][0-9]{6}");

    private SockJsAssert() {
    }

    static void assertNotFound(HttpReply reply) {
        assertEquals(404, reply.status(), () -> "expected 404:\n" + reply);
    }

    /** 405 carries an {@code Allow} header and neither a content type nor a body. */
    static void assertMethodNotAllowed(HttpReply reply) {
        assertEquals(405, reply.status(), () -> "expected 405:\n" + reply);
        assertNull(reply.header("Content-Type"), "a 405 has no content type");
        assertNotNull(reply.header("Allow"), "a 405 says which methods are allowed");
        assertTrue(!reply.header("Allow").isEmpty(), "a 405 says which methods are allowed");
        assertEquals("", reply.body(), "a 405 has no body");
    }

    static void assertNoCookie(HttpHead head) {
        assertEquals(List.of(), head.headers("Set-Cookie"), () -> "no cookie expected:\n" + head);
    }

    /**
     * CORS: with an origin, it is echoed and credentials are allowed (cookies must flow for sticky sessions);
     * without one, {@code *} and no credentials.
     */
    static void assertCors(HttpHead head, String origin) {
        if (origin != null) {
            assertEquals(origin, head.header("Access-Control-Allow-Origin"), () -> head.toString());
            assertEquals("true", head.header("Access-Control-Allow-Credentials"), () -> head.toString());
        } else {
            assertEquals("*", head.header("Access-Control-Allow-Origin"), () -> head.toString());
            assertNull(head.header("Access-Control-Allow-Credentials"), () -> head.toString());
        }
    }

    /** Answers that carry session data, even over GET, must never be cached: exact header, no dates. */
    static void assertNotCached(HttpHead head) {
        assertEquals(NO_CACHE, head.header("Cache-Control"), () -> head.toString());
        assertNull(head.header("Expires"), () -> "no Expires expected:\n" + head);
        assertNull(head.header("Last-Modified"), () -> "no Last-Modified expected:\n" + head);
    }

    /** Strongly cacheable for a long time (a year is best): the iframe page and preflight answers. */
    static void assertCachedLong(HttpHead head) {
        String cacheControl = head.header("Cache-Control");
        assertNotNull(cacheControl, () -> head.toString());
        assertTrue(cacheControl.contains("public"), cacheControl);
        assertTrue(LONG_MAX_AGE.matcher(cacheControl).find(), "max-age must be large, one year is best: " + cacheControl);
        assertNotNull(head.header("Expires"), () -> head.toString());
    }

    /**
     * The CORS preflight of a transport or {@code /info}, from an ordinary origin and from {@code null} (pages
     * opened from files): 204 or 200, cacheable for long, every allowed method listed, no body.
     */
    static void assertPreflight(String path, String allowedMethods) {
        for (String origin : List.of("test", "null")) {
            HttpReply reply = Http.options(path, "Access-Control-Request-Method", allowedMethods, "Origin", origin);
            assertTrue(reply.status() == 204 || reply.status() == 200, () -> reply.toString());
            assertCachedLong(reply.head());
            assertTrue(Long.parseLong(reply.header("Access-Control-Max-Age")) > 1_000_000, () -> reply.toString());
            String allowed = reply.header("Access-Control-Allow-Methods");
            for (String method : allowedMethods.split(",")) {
                assertTrue(allowed.contains(method.trim()), "Access-Control-Allow-Methods lacks " + method + ": " + allowed);
            }
            assertEquals("", reply.body());
            assertCors(reply.head(), origin);
        }
    }

    /** The content type, compared exactly (the suite ignores spaces; clients compare {@code charset=UTF-8}). */
    static void assertContentType(HttpHead head, String expected) {
        assertEquals(expected, head.header("Content-Type"), () -> head.toString());
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Decodes one JSON string literal, quotes included. */
    static String jsonString(String literal) {
        try (var reader = Json.createReader(new StringReader("[" + literal + "]"))) {
            return reader.readArray().getString(0);
        }
    }
}
