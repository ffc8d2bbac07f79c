package io.tokensockjs.pubsub;

/**
 * Told of every change of a local socket's channels, after it happened: for presence, which must hear of each join
 * and leave once whatever made it (the client, the server's own calls, unsubscribeAll, the socket's close).
 * Called on the thread that made the change; it must not block.
 */
public interface MembershipListener {

    MembershipListener NONE = new MembershipListener() {
        @Override
        public void joined(String channel, ChannelMember socket) {
        }

        @Override
        public void left(String channel, ChannelMember socket) {
        }
    };

    void joined(String channel, ChannelMember socket);

    void left(String channel, ChannelMember socket);
}
