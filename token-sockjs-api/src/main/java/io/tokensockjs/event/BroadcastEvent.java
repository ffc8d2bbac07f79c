package io.tokensockjs.event;

import io.tokensockjs.Socket;

import jakarta.json.JsonValue;

/** A client asked to broadcast to every channel of every server; a veto refuses it with the veto's reason. */
public interface BroadcastEvent extends VetoableEvent {

    Socket socket();

    /** What the client wants broadcast. */
    JsonValue data();
}
