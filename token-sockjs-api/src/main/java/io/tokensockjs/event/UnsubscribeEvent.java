package io.tokensockjs.event;

import io.tokensockjs.Socket;

/** A client asked to unsubscribe from a channel; a veto keeps it subscribed. */
public interface UnsubscribeEvent extends VetoableEvent {

    Socket socket();

    String channel();
}
