package io.tokensockjs.events;

import io.tokensockjs.Socket;
import io.tokensockjs.event.AuthenticationEvent;

/** The authentication event fired before a socket is told {@code success}. */
public final class AuthenticationEventImpl extends VetoableEventSupport implements AuthenticationEvent {

    private final Socket socket;

    public AuthenticationEventImpl(Socket socket) {
        this.socket = socket;
    }

    @Override
    public Socket socket() {
        return socket;
    }
}
