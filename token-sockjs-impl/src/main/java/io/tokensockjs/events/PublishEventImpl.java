package io.tokensockjs.events;

import io.tokensockjs.Socket;
import io.tokensockjs.event.PublishEvent;

import jakarta.json.JsonValue;

/** Fired when a client asks to publish. */
public final class PublishEventImpl extends VetoableEventSupport implements PublishEvent {

    private final Socket socket;
    private final String channel;
    private final JsonValue data;

    public PublishEventImpl(Socket socket, String channel, JsonValue data) {
        this.socket = socket;
        this.channel = channel;
        this.data = data;
    }

    @Override
    public Socket socket() {
        return socket;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public JsonValue data() {
        return data;
    }
}
