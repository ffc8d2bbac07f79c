package io.tokensockjs.pubsub;

import io.tokensockjs.MessageFilter;
import io.tokensockjs.Socket;
import io.tokensockjs.sockjs.SockJsMessage;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class ChannelDeliveryTest {

    private static final String PAYLOAD = "{\"text\":\"hi\",\"secret\":\"s\"}";
    private static final String AS_PUBLISHED = "{\"channel\":\"room\",\"message\":" + PAYLOAD + "}";

    private static Socket socket(String id) {
        return (Socket) Proxy.newProxyInstance(Socket.class.getClassLoader(), new Class<?>[] {Socket.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "id", "toString" -> id;
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Map<String, SockJsMessage> deliver(List<MessageFilter> filters, List<Socket> sockets) {
        Map<String, SockJsMessage> sent = new LinkedHashMap<>();
        new ChannelDelivery(filters).deliver("room", PAYLOAD, sockets, (socket, frame) -> sent.put(socket.id(), frame));
        return sent;
    }

    @Test
    void withoutFiltersEverySocketGetsTheOneFrame() {
        Map<String, SockJsMessage> sent = deliver(List.of(), List.of(socket("a"), socket("b")));
        assertEquals(AS_PUBLISHED, sent.get("a").text());
        assertSame(sent.get("a"), sent.get("b"));
    }

    @Test
    void filtersThatLeaveTheMessageAloneShareOneFrameBuiltFromThePublishedText() {
        MessageFilter passes = (socket, channel, message) -> message;
        Map<String, SockJsMessage> sent = deliver(List.of(passes, passes), List.of(socket("a"), socket("b"), socket("c")));
        assertEquals(AS_PUBLISHED, sent.get("a").text());
        assertSame(sent.get("a"), sent.get("b"));
        assertSame(sent.get("a"), sent.get("c"));
    }

    @Test
    void rewrittenDroppedAndFailedMessagesPerSocket() {
        MessageFilter rules = (socket, channel, message) -> switch (socket.id()) {
            case "rewritten" -> Json.createObjectBuilder((JsonObject) message).remove("secret").build();
            case "dropped" -> null;
            case "failed" -> throw new IllegalStateException("filter bug");
            default -> message;
        };
        Map<String, SockJsMessage> sent = deliver(List.of(rules),
                List.of(socket("plain"), socket("rewritten"), socket("dropped"), socket("failed"), socket("plain2")));
        assertEquals(List.of("plain", "rewritten", "plain2"), List.copyOf(sent.keySet()));
        assertEquals("{\"channel\":\"room\",\"message\":{\"text\":\"hi\"}}", sent.get("rewritten").text());
        assertEquals(AS_PUBLISHED, sent.get("plain").text());
        assertSame(sent.get("plain"), sent.get("plain2"));
        assertNotSame(sent.get("plain"), sent.get("rewritten"));
    }

    @Test
    void filtersSeeTheOutputOfTheOnesBefore() {
        MessageFilter first = (socket, channel, message) -> Json.createObjectBuilder((JsonObject) message).add("first", true).build();
        MessageFilter second = (socket, channel, message) -> Json.createObjectBuilder((JsonObject) message).add("saw", ((JsonObject) message).containsKey("first")).build();
        assertEquals("{\"channel\":\"room\",\"message\":{\"text\":\"hi\",\"secret\":\"s\",\"first\":true,\"saw\":true}}",
                deliver(List.of(first, second), List.of(socket("a"))).get("a").text());
    }
}
