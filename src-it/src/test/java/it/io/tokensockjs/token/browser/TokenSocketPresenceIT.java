package it.io.tokensockjs.token.browser;

import com.microsoft.playwright.Page;


import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Presence with the original browser client, token-sockjs-client (unmodified), in headless Chromium, on the test
 * server (one server, presence in memory). On a channel with presence messages ({@code presence-*} in the test
 * application) the page's socket receives {@code {"internal":true,"command":"presence",...}} on each join and leave;
 * the client ignores that internal command, so its channel messages, calls and subscriptions go on unchanged. The
 * test reads the frames by wrapping the page's {@code SockJS} constructor, and asks {@code _presence} with the
 * client's own {@code rpc}. Leaves a screenshot at {@code target/tokensockjs-presence.png}.
 */
public class TokenSocketPresenceIT extends TwoUserPageTests {

    /** Records the presence frames each SockJS socket of the page receives, in {@code window.presenceFrames}. */
    private static final String TAP_FRAMES = """
            () => {
              window.presenceFrames = [];
              var Original = window.SockJS;
              window.SockJS = function (url, whitelist, options) {
                var socket = new Original(url, whitelist, options);
                socket.addEventListener('message', function (e) {
                  var data = typeof e.data === 'string' ? JSON.parse(e.data) : e.data;
                  if (data && data.internal === true && data.command === 'presence') {
                    window.presenceFrames.push(data.data);
                  }
                });
                return socket;
              };
            }""";

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> awaitPresenceFrames(int count) {
        harness.page().waitForFunction("count => window.presenceFrames.length >= count", count,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
        return (List<Map<String, Object>>) harness.page().evaluate("() => window.presenceFrames");
    }

    private static Map<String, Object> frame(String channel, String event, String user) {
        return Map.of("channel", channel, "event", event, "user", user);
    }

    @Test
    void theOriginalClientGetsPresenceMessagesAndAsksPresenceWithoutBreaking() {
        String lobby = "presence-lobby-" + Long.toString(System.nanoTime(), 36);
        harness.page().evaluate(TAP_FRAMES);
        TokenSocketPage.Client alice = ready("b-alice");
        assertNull(alice.subscribe(lobby).error());
        assertEquals(List.of(frame(lobby, "join", "b-alice")), awaitPresenceFrames(1), "its own join");

        TokenSocketPage.Client bob = other("b-bob");
        assertNull(bob.subscribe(lobby).error());
        assertEquals(frame(lobby, "join", "b-bob"), awaitPresenceFrames(2).get(1), "another socket's join");

        assertEquals(new TokenSocketPage.Outcome(Map.of("channel", lobby, "users", List.of("b-alice", "b-bob"), "sockets", 2), null),
                alice.rpc("_presence", Map.of("channel", lobby)), "the client asks with its own rpc");
        assertEquals(new TokenSocketPage.Outcome(null, "Forbidden"), alice.rpc("_presence", Map.of("channel", "presence-elsewhere")),
                "a channel it is not on");

        // The client is unharmed: channel messages arrive as before, and none of the presence frames became one.
        assertNull(bob.publish(lobby, Map.of("text", "hello")).error());
        assertEquals(List.of(Map.of("channel", lobby, "message", Map.of("text", "hello"))), alice.awaitMessages(1));
        assertEquals(List.of(lobby), alice.channels());

        closeOther();
        assertEquals(frame(lobby, "leave", "b-bob"), awaitPresenceFrames(3).get(2), "the closed page's socket left");
        assertEquals(new TokenSocketPage.Outcome(Map.of("channel", lobby, "users", List.of("b-alice"), "sockets", 1), null),
                alice.rpc("_presence", Map.of("channel", lobby)));
        assertEquals(1, alice.awaitMessages(1).size(), "still only the one channel message");
        harness.screenshot(OUTPUT_DIR.resolve("tokensockjs-presence.png"));
    }
}
