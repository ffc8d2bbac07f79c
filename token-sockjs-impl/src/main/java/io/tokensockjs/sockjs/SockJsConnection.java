package io.tokensockjs.sockjs;

import java.util.List;
import java.util.Map;

/**
 * One client's SockJS session, whatever transport carries it: what sockjs-node calls a Connection. Like sockjs-node's,
 * the request details (address, headers, url) are those of the last request that carried the session to the client:
 * the opening one, then each receiving HTTP request (a websocket has only the first).
 */
public interface SockJsConnection {

    /** A server-made identifier, unique in this server; not the session id of the URL, which the client chose. */
    String id();

    /** The IP address of the client (or of the last proxy), on every transport; null only if the container hid it. */
    String remoteAddress();

    /** The port of the client (or of the last proxy), on every transport; -1 only if the container hid it. */
    int remotePort();

    /**
     * Headers of the request, names in lower case: exactly those sockjs-node keeps (referer, x-client-ip,
     * x-forwarded-for, x-cluster-client-ip, via, x-real-ip, x-forwarded-proto, x-ssl, host, user-agent,
     * accept-language), never cookies or credentials.
     */
    Map<String, List<String>> headers();

    /** The path and query of the request, still percent-encoded. */
    String url();

    /** The path of {@link #url()}, without the query. */
    String pathname();

    /** The prefix of the service, for example {@code /echo}. */
    String prefix();

    /** The transport that opened the session, as sockjs-client names it ({@code websocket}, {@code xhr-streaming}, ...). */
    String protocol();

    /** Characters of frames queued for the client and not yet written (what a slow client piles up). */
    default long queuedChars() {
        return 0;
    }

    /** Where the connection is in its life. */
    ReadyState readyState();

    /** Whether messages from the client are still delivered: the connection is open (sockjs-node's {@code readable}). */
    default boolean readable() {
        return readyState() == ReadyState.OPEN;
    }

    /** Whether {@link #write} still sends: the connection is open (sockjs-node's {@code writable}). */
    default boolean writable() {
        return readyState() == ReadyState.OPEN;
    }

    /**
     * Queues a message for the client. Never blocks: the message goes out when the transport can take it.
     *
     * @return false when the connection is no longer open and the message was dropped
     */
    default boolean write(String message) {
        return write(SockJsMessage.of(message));
    }

    /**
     * Queues a message that may go to many connections: it is quoted for the SockJS frame once, not once per
     * connection.
     *
     * @return false when the connection is no longer open and the message was dropped
     */
    boolean write(SockJsMessage message);

    /** Closes the session with {@code 3000 "Go away!"}. */
    default void close() {
        close(CloseStatus.GO_AWAY);
    }

    /** Closes the session with the given code and reason, sent to the client in the close frame. */
    void close(CloseStatus status);

    /**
     * Queues a last message and closes the session with the status, as one step: the message goes out before the
     * close frame, and a client that leaves as soon as it reads the message (a refused client, say) cannot end the
     * session first, so the handler hears of the close with this status, not with the client's.
     *
     * @return false when the connection was no longer open: nothing was written and the close was not this one
     */
    boolean writeAndClose(SockJsMessage last, CloseStatus status);
}
