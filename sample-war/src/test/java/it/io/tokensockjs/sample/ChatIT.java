package it.io.tokensockjs.sample;

import io.tokensockjs.client.ServerErrorException;
import io.tokensockjs.junit.Credentials;
import io.tokensockjs.junit.TestSocket;
import io.tokensockjs.junit.TestSockets;
import io.tokensockjs.junit.TokenSocketExtension;
import io.tokensockjs.sample.ChatController.Message;
import io.tokensockjs.sample.ChatController.Say;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The sample's chat as its tests would check it: two users talk, a veto refuses, the filter hides an address. */
@ExtendWith(TokenSocketExtension.class)
public class ChatIT {

    /** The sample's login form: POST /login with a name and a role opens a session; the token route reads it. */
    static Credentials user(String name, String role) {
        return Credentials.formLogin("/login", Map.of("name", name, "role", role));
    }

    @Test
    void membersTalkInARoomAndOnlyTheAdminSeesTheAddress(TestSockets sockets) {
        TestSocket alice = sockets.connect(user("Alice", "member"));
        TestSocket bob = sockets.connect(user("Bob", "admin"));
        alice.subscribe("lobby");
        bob.subscribe("lobby");

        Message said = alice.call("chat.say", new Say("lobby", "hello from Alice"), Message.class);
        assertEquals("Alice", said.from());

        Message seenByBob = bob.awaitMessage("lobby", Message.class);
        assertEquals("hello from Alice", seenByBob.text());
        assertEquals("alice@example.com", seenByBob.email(), "an admin sees the address");
        Message seenByAlice = alice.awaitMessage("lobby", Message.class);
        assertNull(seenByAlice.email(), "HideEmailFilter removes it for members");
    }

    @Test
    void theAdminRoomRefusesMembers(TestSockets sockets) {
        TestSocket carol = sockets.connect(user("Carol", "member"));
        ServerErrorException refused = assertThrows(ServerErrorException.class, () -> carol.subscribe("admin"));
        assertEquals("The admin room is for admins", refused.getMessage());
        assertFalse(carol.client().channels().contains("admin"));
    }
}
