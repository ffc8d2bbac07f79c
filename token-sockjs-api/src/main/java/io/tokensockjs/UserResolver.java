package io.tokensockjs;

import jakarta.json.JsonValue;

/**
 * Tells the user of a socket from its authentication data, for presence, {@link TokenSocketServer#sendToUser} and
 * {@link TokenSocketServer#closeUser}. Provide one as a CDI bean when the user is not simply one key of the
 * authentication data; otherwise set {@code token-sockjs.cluster.user-key}. Asked once, when the socket
 * authenticates.
 */
@FunctionalInterface
public interface UserResolver {

    /**
     * @param authData the authentication data attached when the token was issued
     * @return the user's identity, or null for a socket without one
     */
    String user(JsonValue authData);
}
