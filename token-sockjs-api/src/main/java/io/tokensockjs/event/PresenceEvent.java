package io.tokensockjs.event;

import io.tokensockjs.SocketPresence;

/**
 * A socket joined or left a channel. Fired on the server holding the socket only, once per change (so an observer
 * that records presence elsewhere does it once for the whole cluster), after the change is visible in
 * {@link io.tokensockjs.TokenSocketServer#presence(String)}. A socket that closes leaves each of its channels.
 *
 * @param channel the channel
 * @param socket  the socket, its user and its server
 * @param joined  true for a join, false for a leave
 */
public record PresenceEvent(String channel, SocketPresence socket, boolean joined) {
}
