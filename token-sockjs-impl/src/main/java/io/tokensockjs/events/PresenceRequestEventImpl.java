package io.tokensockjs.events;

import io.tokensockjs.Socket;
import io.tokensockjs.event.PresenceRequestEvent;

/** Fired when a client asks who is on a channel. */
public final class PresenceRequestEventImpl extends ChannelEventSupport implements PresenceRequestEvent {

    public PresenceRequestEventImpl(Socket socket, String channel) {
        super(socket, channel);
    }
}
