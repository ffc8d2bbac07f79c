package io.tokensockjs.events;

import io.tokensockjs.Socket;
import io.tokensockjs.event.UnsubscribeEvent;

/** Fired when a client asks to unsubscribe. */
public final class UnsubscribeEventImpl extends VetoableEventSupport implements UnsubscribeEvent {

    private final Socket socket;
    private final String channel;

    public UnsubscribeEventImpl(Socket socket, String channel) {
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
