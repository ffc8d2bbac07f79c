package it.io.tokensockjs.sample;

import io.tokensockjs.client.ServerErrorException;
import io.tokensockjs.junit.TestSocket;
import io.tokensockjs.junit.TestSockets;
import io.tokensockjs.junit.TokenSocketExtension;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static it.io.tokensockjs.sample.ChatIT.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code ChatRules}: who may join the admin room, publish directly, and broadcast. */
@ExtendWith(TokenSocketExtension.class)
public class ChatRulesIT {

    @Test
    void onlyAdminsJoinTheAdminRoom(TestSockets sockets) {
        TestSocket ivan = sockets.connect(user("Ivan", "admin"));
        ivan.subscribe("admin");
        ivan.awaitSubscribed("admin");
        TestSocket judy = sockets.connect(user("Judy", "guest"));
        assertEquals("The admin room is for admins", assertThrows(ServerErrorException.class, () -> judy.subscribe("admin")).getMessage());
    }

    @Test
    void membersAndGuestsPublishOnlyThroughChatSayWhileAdminsMayPublishDirectly(TestSockets sockets) {
        TestSocket guest = sockets.connect(user("Kim", "guest"));
        TestSocket member = sockets.connect(user("Lee", "member"));
        TestSocket admin = sockets.connect(user("Max", "admin"));
        assertEquals("Guests may only read", assertThrows(ServerErrorException.class, () -> guest.publish("lobby", "x")).getMessage());
        assertEquals("Use chat.say", assertThrows(ServerErrorException.class, () -> member.publish("lobby", "x")).getMessage());

        member.subscribe("lobby");
        admin.publish("lobby", Json.createObjectBuilder().add("text", "announcement").build());
        assertEquals("announcement", member.awaitMessage("lobby").asJsonObject().getString("text"));
    }

    @Test
    void onlyAdminsBroadcast(TestSockets sockets) {
        TestSocket member = sockets.connect(user("Ned", "member"));
        TestSocket admin = sockets.connect(user("Olga", "admin"));
        assertEquals("Only admins broadcast", assertThrows(ServerErrorException.class, () -> member.broadcast("x")).getMessage());

        member.subscribe("random");
        admin.broadcast("to every room");
        assertEquals(Json.createValue("to every room"), member.awaitMessage("random"));
    }
}
