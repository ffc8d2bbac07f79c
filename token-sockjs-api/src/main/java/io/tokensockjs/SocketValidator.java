package io.tokensockjs;

import java.util.Optional;

/**
 * Re-validation of live sockets: when a CDI bean implements it and {@code token-sockjs.revalidate} sets an
 * interval, every authenticated socket of each server is checked that often. A refusal closes the socket with close
 * code {@value TokenSocketServer#REVOKED_CODE} and the reason, which the client sees in its close frame. A validator
 * that throws keeps the socket (and the failure is logged): a broken check must not close everyone.
 */
@FunctionalInterface
public interface SocketValidator {

    /**
     * @return empty when the socket may stay, else the reason it is closed with
     */
    Optional<String> refusal(Socket socket);
}
