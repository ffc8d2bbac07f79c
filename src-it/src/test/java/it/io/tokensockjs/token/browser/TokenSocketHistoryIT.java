package it.io.tokensockjs.token.browser;


import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Channel history with the original browser client, token-sockjs-client 2.2.0 (unmodified), in headless Chromium,
 * on the test server's in-memory history ({@code history.*} keeps the last 1000 messages). The offset and epoch the
 * server adds to each message of such a channel do not disturb it: its {@code onmessage} gets the channel and the
 * message as before. It calls {@code _history} through its ordinary {@code rpc}: the latest messages, those after an
 * offset, and - the way a page recovers - what was published while its socket was down, after it reconnected.
 * Leaves a screenshot at {@code target/tokensockjs-history.png}.
 */
public class TokenSocketHistoryIT extends TwoUserPageTests {

    private static Map<String, Object> message(String channel, String text) {
        return Map.of("channel", channel, "message", Map.of("text", text));
    }

    private static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resp(TokenSocketPage.Outcome outcome) {
        assertNull(outcome.error(), "no error: " + outcome);
        return (Map<String, Object>) outcome.resp();
    }

    /** The texts of the messages of a {@code _history} answer, and their offsets. */
    @SuppressWarnings("unchecked")
    private static List<String> texts(Map<String, Object> history) {
        return ((List<Map<String, Object>>) history.get("messages")).stream()
                .map(kept -> ((Map<String, Object>) kept.get("message")).get("text") + "@" + ((Number) kept.get("offset")).intValue())
                .toList();
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    @Test
    void theOriginalClientReceivesKeptMessagesAsBeforeAndReadsTheHistoryThroughRpc() {
        String channel = "history.browser-" + UUID.randomUUID();
        TokenSocketPage.Client alice = ready("alice");
        Map<String, Object> subscribed = resp(alice.subscribe(channel));
        assertEquals(channel, subscribed.get("channel"));
        assertEquals(0, number(subscribed.get("offset")), "the answer says where the socket starts: " + subscribed);

        for (String text : List.of("one", "two", "three")) {
            assertNull(alice.publish(channel, text(text)).error());
        }
        assertEquals(List.of(message(channel, "one"), message(channel, "two"), message(channel, "three")), alice.awaitMessages(3),
                "onmessage(channel, message) exactly as for any channel");

        Map<String, Object> latest = resp(alice.rpc("_history", Map.of("channel", channel, "limit", 2)));
        assertEquals(List.of("two@2", "three@3"), texts(latest), "the latest two, oldest first");
        assertEquals(3, number(latest.get("offset")));
        String epoch = (String) latest.get("epoch");
        Map<String, Object> since = resp(alice.rpc("_history", Map.of("channel", channel, "since", 1, "epoch", epoch)));
        assertEquals(List.of("two@2", "three@3"), texts(since));
        assertEquals(true, since.get("recovered"));
        harness.screenshot(OUTPUT_DIR.resolve("tokensockjs-history.png"));
    }

    @Test
    void afterAReconnectionThePageGetsWhatItMissedFromTheHistory() {
        String channel = "history.away-" + UUID.randomUUID();
        TokenSocketPage.Client alice = ready("alice");
        TokenSocketPage.Client bob = other("bob");
        Map<String, Object> start = resp(alice.subscribe(channel));
        assertNull(bob.publish(channel, text("before")).error());
        alice.awaitMessages(1);
        Map<String, Object> at = resp(alice.rpc("_history", Map.of("channel", channel, "limit", 0)));
        assertEquals(start.get("epoch"), at.get("epoch"));
        assertEquals(1, number(at.get("offset")), "where the page is");

        String socket = (String) ((Map<?, ?>) alice.rpc("math.whoami", null).resp()).get("socket");
        assertEquals(200, harness.page().context().request().get(TokenSocketPage.BASE_URL + "/test-admin/close?socket=" + socket).status());
        assertNull(bob.publish(channel, text("while away 1")).error());
        assertNull(bob.publish(channel, text("while away 2")).error());
        assertNull(alice.awaitReconnects(1).get(0), "reconnected");

        // The client subscribed again by itself; the page asks for what came after the offset it had.
        Map<String, Object> missed = resp(alice.rpc("_history", Map.of("channel", channel, "since", 1, "epoch", at.get("epoch"))));
        assertTrue(texts(missed).containsAll(List.of("while away 1@2", "while away 2@3")), "what was missed: " + texts(missed));
        assertEquals(true, missed.get("recovered"));
    }

    @Test
    void historyIsGuarded() {
        TokenSocketPage.Client alice = ready("alice");
        String mine = "history.guard-" + UUID.randomUUID();
        assertEquals(new TokenSocketPage.Outcome(null, "Forbidden"), alice.rpc("_history", Map.of("channel", mine)),
                "not on the channel");
        assertNull(alice.subscribe("history.sealed").error());
        assertEquals(new TokenSocketPage.Outcome(null, "Sealed"), alice.rpc("_history", Map.of("channel", "history.sealed")),
                "the HistoryEvent observer's veto");
        assertNull(alice.subscribe("plain-room").error());
        assertEquals(new TokenSocketPage.Outcome(null, "No history"), alice.rpc("_history", Map.of("channel", "plain-room")));
        assertNull(alice.subscribe(mine).error());
        assertEquals(new TokenSocketPage.Outcome(null, "Invalid request data"),
                alice.rpc("_history", Map.of("channel", mine, "since", "yesterday")));
        assertEquals(new TokenSocketPage.Outcome(null, "Invalid request data"),
                alice.rpc("_history", Map.of("channel", mine, "since", -1)));
    }
}
