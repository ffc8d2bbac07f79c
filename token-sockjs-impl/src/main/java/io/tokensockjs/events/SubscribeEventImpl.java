package io.tokensockjs.events;

import io.tokensockjs.Socket;
import io.tokensockjs.event.SubscribeEvent;

/** Fired when a client asks to subscribe. */
public final class SubscribeEventImpl extends VetoableEventSupport implements SubscribeEvent {

    private final Socket socket;
    private final String channel;

    public SubscribeEventImpl(Socket socket, String channel) {
        this.socket = socket;
        this.channel = channel;
    }

    @Override
    public Socket socket() {
        return socket;
    }

    @Override
    public String channel() {
        return channel;
    }
}
