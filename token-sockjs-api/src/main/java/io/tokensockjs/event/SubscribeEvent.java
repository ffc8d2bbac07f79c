package io.tokensockjs.event;

import io.tokensockjs.Socket;

/** A client asked to subscribe to a channel; a veto refuses it with the veto's reason. */
public interface SubscribeEvent extends VetoableEvent {

    Socket socket();

    String channel();
}
