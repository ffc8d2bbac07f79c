package it.io.tokensockjs.token.browser;


import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Publish/subscribe with the original browser client, token-sockjs-client (unmodified), in headless Chromium: it
 * subscribes, publishes, receives its own and another socket's messages through {@code onmessage(channel, message)},
 * gets a vetoed subscription's reason, and, when the server closes its socket, reconnects and subscribes again to
 * its channels by itself, so that what is published afterwards still reaches it. The other socket is a second
 * browser context, with a user of its own. Leaves a screenshot of the page at {@code target/tokensockjs-pubsub.png}.
 */
public class TokenSocketClientPubSubIT extends TwoUserPageTests {

    private static Map<String, Object> message(String channel, String text) {
        return Map.of("channel", channel, "message", Map.of("text", text));
    }

    @Test
    void subscribesAndReceivesItsOwnAndAnotherSocketsMessages() {
        TokenSocketPage.Client alice = ready("alice");
        TokenSocketPage.Client bob = other("bob");

        assertEquals(new TokenSocketPage.Outcome(Map.of("channel", "browser-room"), null), alice.subscribe("browser-room"),
                "the subscription's callback: no error, the server's answer");
        assertEquals(List.of("browser-room"), alice.channels());
        assertNull(bob.subscribe("browser-room").error());
        assertEquals(2, number(alice.rpc("server.channelSockets", "browser-room").resp()));

        assertEquals(new TokenSocketPage.Outcome(Map.of("channel", "browser-room"), null),
                alice.publish("browser-room", Map.of("text", "from alice")));
        assertEquals(List.of(message("browser-room", "from alice")), alice.awaitMessages(1), "its own message");
        assertEquals(List.of(message("browser-room", "from alice")), bob.awaitMessages(1), "alice's message");

        assertNull(bob.publish("browser-room", Map.of("text", "from bob")).error());
        assertEquals(List.of(message("browser-room", "from alice"), message("browser-room", "from bob")), alice.awaitMessages(2),
                "another socket's message, after its own");
    }

    @Test
    void aVetoedSubscriptionIsRefusedWithItsReason() {
        TokenSocketPage.Client alice = ready("alice");
        assertEquals(new TokenSocketPage.Outcome(null, "Admins only"), alice.subscribe("admin"),
                "the observer's veto, as the subscription's callback gets it");
        assertEquals(new TokenSocketPage.Outcome(null, "Forbidden"), alice.publish("readonly", Map.of("text", "x")),
                "a vetoed publication without a reason");
        // The server did not subscribe the socket (the client, though, lists a channel as soon as it asks for it),
        // and a message on the channel does not reach it.
        assertEquals(List.of(), alice.rpc("server.myChannels", null).resp());
        assertNull(alice.rpc("server.publish", Map.of("channel", "admin", "data", Map.of("text", "for admins"))).error());
        assertNull(alice.subscribe("browser-fence").error());
        assertNull(alice.publish("browser-fence", Map.of("text", "fence")).error());
        assertEquals(List.of(message("browser-fence", "fence")), alice.awaitMessages(1), "nothing came before the fence");
    }

    @Test
    void resubscribesItsChannelsWhenItReconnects() {
        TokenSocketPage.Client alice = ready("alice");
        TokenSocketPage.Client bob = other("bob");
        assertNull(alice.subscribe("browser-news").error());
        assertNull(alice.subscribe("browser-sport").error());
        String before = socketId(alice);

        assertEquals(200, harness.page().context().request()
                .get(TokenSocketPage.BASE_URL + "/test-admin/close?socket=" + before).status(),
                "the test application closes socket " + before);
        List<?> reconnects = alice.awaitReconnects(1);
        assertNull(reconnects.get(0), "the client reconnected without error: " + reconnects);
        String after = socketId(alice);
        assertNotEquals(before, after, "a new socket");

        // The client replays its subscriptions on the new socket (with no callback) just before it reports the
        // reconnection: the server has the new socket on both channels.
        assertEquals(List.of("browser-news", "browser-sport"), awaitServerChannels(alice, List.of("browser-news", "browser-sport")),
                "the new socket's channels, as the server has them");
        assertEquals(List.of("browser-news", "browser-sport"), alice.channels().stream().sorted().toList());

        assertNull(bob.publish("browser-news", Map.of("text", "after the reconnection")).error());
        assertNull(bob.publish("browser-sport", Map.of("text", "and here")).error());
        assertEquals(Set.of(message("browser-news", "after the reconnection"), message("browser-sport", "and here")),
                Set.copyOf(alice.awaitMessages(2)), "what was published after the reconnection, on both channels");
        harness.screenshot(OUTPUT_DIR.resolve("tokensockjs-pubsub.png"));
    }

    /** The calling socket's channels as the server has them, asked until they are {@code expected} (for up to 10 s). */
    private List<?> awaitServerChannels(TokenSocketPage.Client client, List<String> expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<?> channels = (List<?>) client.rpc("server.myChannels", null).resp();
        while (!expected.equals(channels) && System.nanoTime() < deadline) {
            harness.page().waitForTimeout(50);
            channels = (List<?>) client.rpc("server.myChannels", null).resp();
        }
        return channels;
    }

    private static String socketId(TokenSocketPage.Client client) {
        return (String) ((Map<?, ?>) client.rpc("math.whoami", null).resp()).get("socket");
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }
}
