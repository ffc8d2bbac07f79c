package io.tokensockjs.events;

import io.tokensockjs.Socket;
import io.tokensockjs.event.UnsubscribeEvent;

/** Fired when a client asks to unsubscribe. */
public final class UnsubscribeEventImpl extends ChannelEventSupport implements UnsubscribeEvent {

    public UnsubscribeEventImpl(Socket socket, String channel) {
        super(socket, channel);
    }
}
