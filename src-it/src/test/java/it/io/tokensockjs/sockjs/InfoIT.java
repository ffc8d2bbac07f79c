package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertContentType;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertCors;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNoCookie;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotCached;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertPreflight;
import static it.io.tokensockjs.sockjs.SockJsAssert.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.tokensockjs.sockjs.Target.Service;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code /info}: what the client asks before it opens a session, never cached, CORS-enabled. */
public class InfoIT {

    @Test
    void basic() {
        HttpReply reply = Http.get(Service.ECHO.path() + "/info", "Origin", "test");
        assertEquals(200, reply.status());
        assertContentType(reply.head(), "application/json; charset=UTF-8");
        assertNoCookie(reply.head());
        assertNotCached(reply.head());
        assertCors(reply.head(), "test");

        JsonObject info = json(reply.body());
        assertEquals(JsonValue.TRUE, info.get("websocket"));
        assertTrue(info.get("cookie_needed") == JsonValue.TRUE || info.get("cookie_needed") == JsonValue.FALSE, reply.body());
        assertEquals(List.of("*:*"), info.getJsonArray("origins").getValuesAs(JsonString::getString));
        entropy(info);
    }

    /** Browsers lack a good random source: the server hands out an unpredictable number in [0, 2^32 - 1]. */
    @Test
    void entropy() {
        long first = entropy(json(Http.get(Service.ECHO.path() + "/info").body()));
        long second = entropy(json(Http.get(Service.ECHO.path() + "/info").body()));
        assertNotEquals(first, second);
    }

    @Test
    void options() {
        assertPreflight(Service.ECHO.path() + "/info", "OPTIONS, GET");
    }

    /** Pages opened from files send {@code Origin: null}; it is echoed as such. */
    @Test
    void optionsNullOrigin() {
        HttpReply reply = Http.options(Service.ECHO.path() + "/info", "Origin", "null",
                "Access-Control-Request-Method", "POST");
        assertTrue(reply.status() == 204 || reply.status() == 200, () -> reply.toString());
        assertEquals("", reply.body());
        assertEquals("null", reply.header("Access-Control-Allow-Origin"));
    }

    @Test
    void disabledWebsocket() {
        HttpReply reply = Http.get(Service.DISABLED_WEBSOCKET_ECHO.path() + "/info");
        assertEquals(200, reply.status());
        assertEquals(JsonValue.FALSE, json(reply.body()).get("websocket"));
    }

    private static long entropy(JsonObject info) {
        JsonNumber entropy = info.getJsonNumber("entropy");
        assertTrue(entropy.isIntegral(), info.toString());
        long value = entropy.longValueExact();
        assertTrue(value >= 0 && value <= 0xffff_ffffL, info.toString());
        return value;
    }
}
