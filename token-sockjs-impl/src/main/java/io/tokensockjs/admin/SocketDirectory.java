package io.tokensockjs.admin;

import java.util.List;
import java.util.Optional;

/**
 * What the admin API asks of the sockets, wherever they are. {@link LocalSocketDirectory} answers for this server; a
 * directory over every server that shares a Redis (a request to each, answers merged) plugs in as an alternative bean
 * of this interface without changes to the API or the dashboard.
 */
public interface SocketDirectory {

    /** The {@code server} of sockets on this server. */
    String LOCAL = "local";

    /** The sockets that match, ordered by creation then id, one page of them. */
    Page<SocketView> sockets(SocketQuery query);

    Optional<SocketView> socket(String id);

    /** Closes a socket; false when there is no such socket. */
    boolean close(String id);

    /** Every channel with its subscribers, ordered by name. */
    List<ChannelView> channels();

    /** Publishes a JSON payload on a channel (to every server, as {@code TokenSocketServer.publish} does). */
    void publish(String channel, String payloadJson);

    /** Takes a socket off a channel; false when there is no such socket or it is not on the channel. */
    boolean unsubscribe(String socketId, String channel);
}
