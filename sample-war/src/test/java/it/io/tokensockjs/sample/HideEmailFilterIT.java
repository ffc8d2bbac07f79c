package it.io.tokensockjs.sample;

import io.tokensockjs.junit.TestSocket;
import io.tokensockjs.junit.TestSockets;
import io.tokensockjs.junit.TokenSocketExtension;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static it.io.tokensockjs.sample.ChatIT.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code HideEmailFilter}, on each socket's copy of a message: admins keep the address, others lose only it. */
@ExtendWith(TokenSocketExtension.class)
public class HideEmailFilterIT {

    @Test
    void theAddressIsRemovedForNonAdminsAndEverythingElseIsLeftAlone(TestSockets sockets) {
        TestSocket admin = sockets.connect(user("Pam", "admin"));
        TestSocket member = sockets.connect(user("Quinn", "member"));
        admin.subscribe("lobby");
        member.subscribe("lobby");

        JsonObject withAddress = Json.createObjectBuilder().add("text", "mail me").add("email", "pam@example.com").build();
        admin.publish("lobby", withAddress);
        assertEquals(withAddress, admin.awaitMessage("lobby"));
        JsonObject filtered = member.awaitMessage("lobby").asJsonObject();
        assertFalse(filtered.containsKey("email"));
        assertEquals("mail me", filtered.getString("text"));

        admin.publish("lobby", Json.createValue("plain text"));
        assertEquals(Json.createValue("plain text"), member.awaitMessage("lobby"), "messages without an address pass unchanged");
    }
}
