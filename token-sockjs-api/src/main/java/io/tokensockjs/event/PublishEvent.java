package io.tokensockjs.event;

import io.tokensockjs.Socket;

import jakarta.json.JsonValue;

/** A client asked to publish on a channel; a veto refuses it with the veto's reason. */
public interface PublishEvent extends VetoableEvent {

    Socket socket();

    String channel();

    /** What the client wants published. */
    JsonValue data();
}
