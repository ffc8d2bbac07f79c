package io.tokensockjs.events;

import io.tokensockjs.Socket;
import io.tokensockjs.event.SubscribeEvent;

/** Fired when a client asks to subscribe. */
public final class SubscribeEventImpl extends ChannelEventSupport implements SubscribeEvent {

    public SubscribeEventImpl(Socket socket, String channel) {
        super(socket, channel);
    }
}
