package io.tokensockjs.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Channels: the set follows the server's confirmations only; published messages reach the listener. */
class PubSubTest extends ClientTestSupport {

    private static JsonObject channel(String name) {
        return Json.createObjectBuilder().add("channel", name).build();
    }

    /** Confirms a (un)subscribe request as the real server does: the internal message, then the answer. */
    private static void confirm(FakeSocket socket, JsonObject request, String command) throws Exception {
        String name = request.getJsonObject("req").getString("channel");
        socket.internal(command, Json.createObjectBuilder().add("channel", name).add("rpc", request.getString("rpc"))
                .add("uuid", request.get("uuid")).build());
        socket.answer(request, channel(name));
    }

    @Test
    void aChannelJoinsTheSetOnlyOnceTheServerConfirmsIt() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> subscribing = connected.client().subscribe("news");
        JsonObject request = connected.socket().next("_subscribe");
        assertEquals(channel("news"), request.get("req"));
        assertEquals(Set.of(), connected.client().channels(), "asked for, not yet confirmed");
        confirm(connected.socket(), request, "subscribe");
        assertEquals(channel("news"), await(subscribing));
        assertEquals(Set.of("news"), connected.client().channels());
        assertEquals("subscribed news", events.next());
    }

    @Test
    void aRefusedSubscriptionNeverEntersTheSet() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> subscribing = connected.client().subscribe("admin");
        connected.socket().error(connected.socket().next("_subscribe"), "The admin room is for admins");
        ServerErrorException refused = assertInstanceOf(ServerErrorException.class, failure(subscribing));
        assertEquals("_subscribe", refused.rpc());
        assertEquals("The admin room is for admins", refused.getMessage());
        assertEquals(Set.of(), connected.client().channels());
        assertTrue(events.isEmpty());
    }

    @Test
    void anAnswerAloneConfirmsTooForServersThatSendNoInternalMessage() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> subscribing = connected.client().subscribe("news");
        JsonObject request = connected.socket().next("_subscribe");
        connected.socket().answer(request, channel("news"));
        await(subscribing);
        assertEquals(Set.of("news"), connected.client().channels());
    }

    @Test
    void aChannelLeavesTheSetWhenTheServerConfirmsTheUnsubscription() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> subscribing = connected.client().subscribe("news");
        confirm(connected.socket(), connected.socket().next("_subscribe"), "subscribe");
        await(subscribing);
        CompletionStage<JsonValue> leaving = connected.client().unsubscribe("news");
        JsonObject request = connected.socket().next("_unsubscribe");
        assertEquals(Set.of("news"), connected.client().channels(), "still on it until the server says otherwise");
        confirm(connected.socket(), request, "unsubscribe");
        await(leaving);
        assertEquals(Set.of(), connected.client().channels());
        assertEquals("subscribed news", events.next());
        assertEquals("unsubscribed news", events.next());
    }

    @Test
    void theServerMaySubscribeAndUnsubscribeTheSocketItself() throws Exception {
        Connected connected = connect();
        connected.socket().internal("subscribe", channel("ops"));
        assertEquals("subscribed ops", events.next());
        assertEquals(Set.of("ops"), connected.client().channels());
        connected.socket().internal("unsubscribe", channel("ops"));
        assertEquals("unsubscribed ops", events.next());
        assertEquals(Set.of(), connected.client().channels());
    }

    @Test
    void publishedMessagesReachTheListenerInOrder() throws Exception {
        Connected connected = connect();
        connected.socket().send(Json.createObjectBuilder().add("channel", "news").add("message", channel("first")).build());
        connected.socket().sendMessages("{\"channel\":\"news\",\"message\":2}", "{\"channel\":\"sport\",\"message\":\"3\"}");
        assertEquals("message news {\"channel\":\"first\"}", events.next());
        assertEquals("message news 2", events.next());
        assertEquals("message sport \"3\"", events.next());
    }

    @Test
    void publishAndBroadcastSendTheirRequests() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> published = connected.client().publish("news", Json.createValue("hi"));
        JsonObject publish = connected.socket().next("_publish");
        assertEquals(Json.createObjectBuilder().add("channel", "news").add("data", "hi").build(), publish.get("req"));
        connected.socket().answer(publish, channel("news"));
        await(published);

        CompletionStage<JsonValue> broadcast = connected.client().broadcast(Json.createValue(1));
        JsonObject request = connected.socket().next("_broadcast");
        assertEquals(Json.createObjectBuilder().add("data", 1).build(), request.get("req"));
        connected.socket().error(request, "Only admins broadcast");
        assertEquals("Only admins broadcast", assertInstanceOf(ServerErrorException.class, failure(broadcast)).getMessage());
    }
}
