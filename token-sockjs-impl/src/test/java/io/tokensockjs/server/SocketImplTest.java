package io.tokensockjs.server;

import io.tokensockjs.metrics.TokenSocketMetrics;
import io.tokensockjs.protocol.ClientRequest;
import io.tokensockjs.protocol.MessageFields;
import io.tokensockjs.tracing.Tracing;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handshake's state machine as the dispatcher and the handshake's thread drive it, step by step. */
class SocketImplTest {

    private final Jsonb jsonb = JsonbBuilder.create();
    private final SocketImpl socket = new SocketImpl(null, jsonb, 16, Runnable::run, new TokenSocketMetrics(), new Tracing());

    @AfterEach
    void closeJsonb() throws Exception {
        jsonb.close();
    }

    @Test
    void aMessageArrivingWhileTheHandshakeOpensTheSocketIsDispatchedAfterTheHeldOnesNotLost() {
        assertEquals(SocketImpl.Admission.NEW, socket.admit(message("auth", "a")));
        assertTrue(socket.startAuthentication());
        assertEquals(SocketImpl.Admission.HELD, socket.admit(message("math.add", "1")));

        // The handshake's thread opens the socket; the reading thread's next message comes in before it has
        // dispatched what was held (before, it was held after the handshake's last look and never answered).
        assertTrue(socket.open());
        assertEquals(SocketImpl.Admission.HELD, socket.admit(message("math.add", "2")));
        assertEquals(List.of("1", "2"), uuids(socket.takeHeld()));
        assertEquals(SocketImpl.Admission.HELD, socket.admit(message("math.add", "3")), "still behind the held ones");
        assertEquals(List.of("3"), uuids(socket.takeHeld()));
        assertEquals(List.of(), socket.takeHeld());

        assertEquals(SocketImpl.Admission.DISPATCH, socket.admit(message("math.add", "4")), "all held ones dispatched");
    }

    @Test
    void answersToTheServersCallsAreNeverHeld() {
        assertTrue(socket.startAuthentication());
        assertEquals(SocketImpl.Admission.DISPATCH, socket.admit(ClientRequest.of(MessageFields.parse("{\"rpc\":\"_rpc\",\"fid\":\"f1\",\"resp\":{}}"))));
    }

    @Test
    void tooManyHeldIsFloodingAndAClosedSocketTakesNothing() {
        assertTrue(socket.startAuthentication());
        for (int i = 0; i < SocketImpl.MAX_HELD_MESSAGES; i++) {
            assertEquals(SocketImpl.Admission.HELD, socket.admit(message("math.add", "m" + i)));
        }
        assertEquals(SocketImpl.Admission.FLOODING, socket.admit(message("math.add", "one too many")));
        socket.markClosed();
        assertEquals(false, socket.open());
        assertEquals(SocketImpl.Admission.CLOSED, socket.admit(message("math.add", "late")));
        assertEquals(List.of(), socket.takeHeld());
    }

    private static ClientRequest message(String rpc, String uuid) {
        return ClientRequest.of(MessageFields.parse("{\"rpc\":\"" + rpc + "\",\"uuid\":\"" + uuid + "\"}"));
    }

    private static List<String> uuids(List<ClientRequest> requests) {
        return requests.stream().map(request -> request.string("uuid")).toList();
    }
}
