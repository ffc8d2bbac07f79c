package io.tokensockjs.pubsub;

/**
 * Channels the servers use among themselves. Clients can neither publish on nor subscribe to anything under the
 * prefix (the original's misspelled reserved channel let clients publish on it and bypass the broadcast hook).
 */
public final class ReservedChannels {

    /** Every channel name under this prefix is reserved. */
    public static final String PREFIX = "token-sockjs:";
    /** Carries broadcasts: its payload goes to every channel on every server. */
    public static final String BROADCAST = PREFIX + "broadcast";
    /** Carries unsubscribeAll: its payload is a channel name every server drops its sockets from. */
    public static final String UNSUBSCRIBE_ALL = PREFIX + "unsubscribe-all";

    private ReservedChannels() {
    }

    public static boolean isReserved(String channel) {
        return channel.startsWith(PREFIX);
    }
}
