package io.tokensockjs.event;

import io.tokensockjs.Socket;

/**
 * A socket presented a valid token. Observers run before the client is told {@code success}; they may call the
 * client ({@code TokenSocketServer.rpc}) and may veto, which refuses the socket with the veto's reason and closes it.
 */
public interface AuthenticationEvent extends VetoableEvent {

    /** The socket being authenticated. */
    Socket socket();
}
