package io.tokensockjs.event;

import io.tokensockjs.Socket;

/**
 * A client asked who is on a channel it is subscribed to ({@code {"rpc":"_presence","req":{"channel":C}}}); a veto
 * refuses it with the veto's reason. A client not subscribed to the channel is refused before observers are asked.
 */
public interface PresenceRequestEvent extends VetoableEvent {

    Socket socket();

    String channel();
}
