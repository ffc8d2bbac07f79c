package io.tokensockjs.events;

import io.tokensockjs.Socket;
import io.tokensockjs.event.BroadcastEvent;

import jakarta.json.JsonValue;

/** Fired when a client asks to broadcast. */
public final class BroadcastEventImpl extends VetoableEventSupport implements BroadcastEvent {

    private final Socket socket;
    private final JsonValue data;

    public BroadcastEventImpl(Socket socket, JsonValue data) {
        this.socket = socket;
        this.data = data;
    }

    @Override
    public Socket socket() {
        return socket;
    }

    @Override
    public JsonValue data() {
        return data;
    }
}
