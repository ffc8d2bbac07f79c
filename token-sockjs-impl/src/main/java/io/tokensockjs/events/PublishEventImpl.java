package io.tokensockjs.events;

import io.tokensockjs.Socket;
import io.tokensockjs.event.PublishEvent;

import jakarta.json.JsonValue;

/** Fired when a client asks to publish. */
public final class PublishEventImpl extends ChannelEventSupport implements PublishEvent {

    private final JsonValue data;

    public PublishEventImpl(Socket socket, String channel, JsonValue data) {
        super(socket, channel);
        this.data = data;
    }

    @Override
    public JsonValue data() {
        return data;
    }
}
