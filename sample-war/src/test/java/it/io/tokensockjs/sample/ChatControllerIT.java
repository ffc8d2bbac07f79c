package it.io.tokensockjs.sample;

import io.tokensockjs.client.ServerErrorException;
import io.tokensockjs.junit.TestSocket;
import io.tokensockjs.junit.TestSockets;
import io.tokensockjs.junit.TokenSocketExtension;
import io.tokensockjs.sample.ChatController.Message;
import io.tokensockjs.sample.ChatController.Say;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static it.io.tokensockjs.sample.ChatIT.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code chat.*}: the rooms, what {@code chat.say} checks before it stores and publishes, and the history. */
@ExtendWith(TokenSocketExtension.class)
public class ChatControllerIT {

    private static String refusal(TestSocket socket, Say say) {
        return assertThrows(ServerErrorException.class, () -> socket.call("chat.say", say)).getMessage();
    }

    @Test
    void roomsAreListed(TestSockets sockets) {
        TestSocket dave = sockets.connect(user("Dave", "guest"));
        assertEquals(List.of("lobby", "random", "admin"), List.of(dave.call("chat.rooms", JsonValue.NULL, String[].class)));
    }

    @Test
    void sayChecksTheRoomTheMembershipTheTextAndTheRole(TestSockets sockets) {
        TestSocket erin = sockets.connect(user("Erin", "member"));
        assertEquals("No such room", refusal(erin, new Say("kitchen", "hi")));
        assertEquals("Join the room first", refusal(erin, new Say("random", "hi")));
        erin.subscribe("random");
        assertEquals("Say something (at most 500 characters)", refusal(erin, new Say("random", "   ")));
        assertEquals("Say something (at most 500 characters)", refusal(erin, new Say("random", "x".repeat(501))));

        TestSocket frank = sockets.connect(user("Frank", "guest"));
        frank.subscribe("random");
        assertEquals("Guests may only read", refusal(frank, new Say("random", "hi")));
    }

    @Test
    void whatIsSaidIsPublishedTrimmedAndKeptInTheHistory(TestSockets sockets) {
        TestSocket grace = sockets.connect(user("Grace", "member"));
        TestSocket reader = sockets.connect(user("Heidi", "guest"));
        grace.subscribe("random");
        reader.subscribe("random");
        String text = "history check " + UUID.randomUUID();
        grace.call("chat.say", new Say("random", "  " + text + "  "));

        Message published = reader.awaitMessage("random", Message.class);
        assertEquals(text, published.text(), "trimmed");
        assertEquals("Grace", published.from());
        Message[] history = reader.call("chat.history", "random", Message[].class);
        assertTrue(history.length <= 50, "the history keeps the last 50");
        assertEquals(text, history[history.length - 1].text(), "the newest last");
    }
}
