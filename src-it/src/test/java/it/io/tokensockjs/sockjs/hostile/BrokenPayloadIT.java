package it.io.tokensockjs.sockjs.hostile;

import it.io.tokensockjs.runtime.ServerLog;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken JSON, payloads that are JSON but not an array of strings, and empty payloads, on every transport that
 * carries client messages: xhr_send and jsonp_send answer as the protocol says and keep the session, the
 * websocket transport drops the socket; the bystanders never notice.
 */
public class BrokenPayloadIT extends HostileTestBase {

    /** Neither JSON nor an array of strings; each is also broken over the websocket transport. */
    static final List<String> BROKEN = List.of(
            "[", "[\"a", "[\"a\"", "[\"a\",]", "]", "abc", "{\"a\":1}", "1", "null", "true", "[1]", "[null]",
            "[[\"a\"]]", "[\"a\",{}]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\u12g4\"]", "[\"a\"]x", "[\"a\"] [\"b\"]",
            "[\"a\u0001\"]", "\"unterminated", "[".repeat(10_000), "[\"" + "\\".repeat(1001) + "\"]");
    /** JSON, but not an array: broken over the HTTP transports, while the websocket transport takes one string. */
    static final String ONE_STRING = "\"a\"";

    private static final Pattern BROKEN_JSON_LINE = ServerLog.line('I', "SockJS session \\S+: broken JSON \\(");
    private static final Pattern BROKEN_WEBSOCKET_LINE = ServerLog.line('I', "SockJS session \\S+: broken JSON over websocket");

    @Test
    @Order(1)
    void xhrSendAnswersBrokenJsonAndKeepsTheSession() {
        ServerLog log = ServerLog.mark();
        String session = ItServer.newSessionId();
        ItServer.openWithPoll(LIMITED, session);
        List<String> payloads = new ArrayList<>(BROKEN);
        payloads.add(ONE_STRING);
        for (String payload : payloads) {
            HttpResponse<String> answer = ItServer.post(ItServer.sessionPath(LIMITED, session, "xhr_send"), "text/plain", payload);
            assertEquals(500, answer.statusCode(), "xhr_send of " + Frames.abbreviate(payload));
            assertEquals("Broken JSON encoding.", answer.body(), "xhr_send of " + Frames.abbreviate(payload));
        }
        bystanders.assertEchoing("during broken xhr_send");
        assertSessionStillEchoes(session);
        assertEquals(payloads.size(), log.awaitCount(BROKEN_JSON_LINE, payloads.size(), Duration.ofSeconds(10)),
                "an INFO line per broken xhr_send");
    }

    @Test
    @Order(2)
    void jsonpSendAnswersBrokenJsonAndKeepsTheSession() {
        ServerLog log = ServerLog.mark();
        String session = ItServer.newSessionId();
        ItServer.openWithPoll(LIMITED, session);
        List<String> payloads = new ArrayList<>(BROKEN);
        payloads.add(ONE_STRING);
        for (String payload : payloads) {
            HttpResponse<String> raw = ItServer.post(ItServer.sessionPath(LIMITED, session, "jsonp_send"), "text/plain", payload);
            assertEquals(500, raw.statusCode(), "raw jsonp_send of " + Frames.abbreviate(payload));
            assertEquals("Broken JSON encoding.", raw.body(), "raw jsonp_send of " + Frames.abbreviate(payload));
            HttpResponse<String> form = ItServer.post(ItServer.sessionPath(LIMITED, session, "jsonp_send"),
                    "application/x-www-form-urlencoded", "d=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
            assertEquals(500, form.statusCode(), "form jsonp_send of " + Frames.abbreviate(payload));
            assertEquals("Broken JSON encoding.", form.body(), "form jsonp_send of " + Frames.abbreviate(payload));
        }
        // A form whose encoding itself is broken.
        HttpResponse<String> badForm = ItServer.post(ItServer.sessionPath(LIMITED, session, "jsonp_send"),
                "application/x-www-form-urlencoded", "d=%E0%A4%A");
        assertEquals(500, badForm.statusCode(), "jsonp_send of a badly encoded form");
        bystanders.assertEchoing("during broken jsonp_send");
        assertSessionStillEchoes(session);
        assertEquals(2L * payloads.size(), log.awaitCount(BROKEN_JSON_LINE, 2L * payloads.size(), Duration.ofSeconds(10)),
                "an INFO line per broken jsonp_send");
    }

    @Test
    @Order(3)
    void emptyPayloadsAreAnsweredOverHttp() {
        String session = ItServer.newSessionId();
        ItServer.openWithPoll(LIMITED, session);
        String send = ItServer.sessionPath(LIMITED, session, "xhr_send");
        String jsonpSend = ItServer.sessionPath(LIMITED, session, "jsonp_send");
        for (String path : List.of(send, jsonpSend)) {
            HttpResponse<String> empty = ItServer.post(path, "text/plain", "");
            assertEquals(500, empty.statusCode(), "empty body to " + path);
            assertEquals("Payload expected.", empty.body(), "empty body to " + path);
        }
        for (String form : List.of("", "d=", "e=%5B%5D", "&&&")) {
            HttpResponse<String> answer = ItServer.post(jsonpSend, "application/x-www-form-urlencoded", form);
            assertEquals(500, answer.statusCode(), "jsonp_send form '" + form + "'");
            assertEquals("Payload expected.", answer.body(), "jsonp_send form '" + form + "'");
        }
        // An empty array is a valid, empty send.
        assertEquals(204, ItServer.post(send, "text/plain", "[]").statusCode());
        assertEquals(200, ItServer.post(jsonpSend, "application/x-www-form-urlencoded", "d=%5B%5D").statusCode());
        assertSessionStillEchoes(session);
    }

    @Test
    @Order(4)
    void websocketDropsASocketThatSendsBrokenJson() {
        ServerLog log = ServerLog.mark();
        java.util.Set<Integer> closeCodes = new java.util.TreeSet<>();
        for (String payload : BROKEN) {
            try (WsClient hostile = WsClient.openSession(LIMITED)) {
                hostile.send(payload);
                Integer closed = hostile.awaitClosed(Duration.ofSeconds(20));
                assertNotNull(closed, "the socket that sent " + Frames.abbreviate(payload) + " is still open");
                assertNotEquals(1000, closed, "a broken message is not a normal closure: " + Frames.abbreviate(payload));
                closeCodes.add(closed);
                for (String frame : hostile.drain()) {
                    assertTrue(frame.equals("h"), "the socket that sent " + Frames.abbreviate(payload) + " got " + frame);
                }
            }
        }
        System.out.println("[hostile] websocket close codes after broken JSON: " + closeCodes);
        bystanders.assertEchoing("after broken websocket messages");
        assertEquals(BROKEN.size(), log.awaitCount(BROKEN_WEBSOCKET_LINE, BROKEN.size(), Duration.ofSeconds(10)),
                "an INFO line per broken websocket message");
    }

    @Test
    @Order(5)
    void websocketIgnoresEmptyMessagesAndTakesOneString() {
        try (WsClient client = WsClient.openSession(LIMITED)) {
            client.send("");
            client.send("[]");
            client.send(" [ ] ");
            client.send(ONE_STRING);
            assertEquals("a[\"a\"]", client.nextFrame(Duration.ofSeconds(20)));
            client.send("[\"b\",\"c\"]");
            // Echoed one write at a time: in one frame or two, depending on when the first leaves.
            List<String> echoed = new ArrayList<>();
            for (int frame = 0; frame < 2 && echoed.size() < 2; frame++) {
                String next = client.nextFrame(Duration.ofSeconds(20));
                assertNotNull(next, "the echo of [\"b\",\"c\"]");
                echoed.addAll(Frames.messages(next));
            }
            assertEquals(List.of("b", "c"), echoed);
        }
    }

    @Test
    @Order(6)
    void websocketDropsBinaryMessages() {
        try (WsClient hostile = WsClient.openSession(LIMITED)) {
            hostile.sendBinary(new byte[] {'[', '"', 'a', '"', ']'});
            Integer closed = hostile.awaitClosed(Duration.ofSeconds(20));
            assertNotNull(closed, "a socket sending binary messages stays open");
            // 1003 on every runtime: the endpoint refuses binary messages itself (Payara would drop them silently).
            assertEquals(1003, closed, "a binary message closes with 1003 (unsupported data)");
            System.out.println("[hostile] websocket close code after a binary message: " + closed + " " + hostile.closeReason());
        }
        bystanders.assertEchoing("after a binary websocket message");
    }

    /** The session survived: a valid send is accepted and its echo arrives through the next poll. */
    private static void assertSessionStillEchoes(String session) {
        assertEquals(204, ItServer.post(ItServer.sessionPath(LIMITED, session, "xhr_send"), "text/plain",
                "[\"still here\"]").statusCode());
        HttpResponse<String> poll = ItServer.post(ItServer.sessionPath(LIMITED, session, "xhr"), null, "");
        assertEquals("a[\"still here\"]\n", poll.body());
    }
}
