package io.tokensockjs.pubsub;

import io.tokensockjs.Socket;
import io.tokensockjs.sockjs.SockJsMessage;

import java.util.Set;

/**
 * What publish/subscribe needs of a socket, and all it sees of one: the application's view (for the events and the
 * message filters), the live set of its channels, and a way to queue a message for its client. The token layer's
 * socket implements it; publish/subscribe never sees its connection, its calls or its handshake.
 */
public interface ChannelMember extends Socket {

    /** The live set behind {@link #channels()}, kept by the channel registry. */
    Set<String> channelSet();

    /** Queues a message for the client; false when the socket is closed. */
    boolean send(String json);

    /** Queues a message that goes to many sockets (quoted for SockJS once); false when the socket is closed. */
    boolean send(SockJsMessage message);
}
