package io.tokensockjs.events;

import io.tokensockjs.Socket;

/**
 * What the channel events share: the socket and the channel. Each event keeps a class of its own, because CDI
 * chooses observers by the event object's type.
 */
abstract class ChannelEventSupport extends VetoableEventSupport {

    private final Socket socket;
    private final String channel;

    ChannelEventSupport(Socket socket, String channel) {
        this.socket = socket;
        this.channel = channel;
    }

    public Socket socket() {
        return socket;
    }

    public String channel() {
        return channel;
    }
}
