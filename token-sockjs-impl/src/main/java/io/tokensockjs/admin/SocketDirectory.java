package io.tokensockjs.admin;

import java.util.Optional;

/**
 * What the admin API asks of the sockets, wherever they are. {@link LocalSocketDirectory} answers for this server;
 * {@link ClusterSocketDirectory} for every server sharing a Redis ({@link SocketDirectories} chooses). The methods
 * about one socket throw {@link ServerUnansweredException} when the server holding it did not answer.
 */
public interface SocketDirectory {

    /** The {@code server} of sockets on this server when it is alone (no Redis). */
    String LOCAL = "local";

    /** The sockets that match, ordered by creation then id, one page of them. */
    Page<SocketView> sockets(SocketQuery query);

    Optional<SocketView> socket(String id);

    /** Closes a socket; false when there is no such socket. */
    boolean close(String id);

    /** A page of the channels with their subscribers (more than none), ordered by name. */
    Page<ChannelView> channels(int offset, int limit);

    /** Publishes a JSON payload on a channel (to every server, as {@code TokenSocketServer.publish} does). */
    void publish(String channel, String payloadJson);

    /** Takes a socket off a channel; false when there is no such socket or it is not on the channel. */
    boolean unsubscribe(String socketId, String channel);
}
