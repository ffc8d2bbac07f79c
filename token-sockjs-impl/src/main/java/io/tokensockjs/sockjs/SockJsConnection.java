package io.tokensockjs.sockjs;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * One client's SockJS session, whatever transport carries it: what sockjs-node calls a Connection.
 */
public interface SockJsConnection {

    /** A server-made identifier, unique in this server; not the session id of the URL, which the client chose. */
    String id();

    /** The address of the client (or of the last proxy) that opened the session. */
    InetSocketAddress remoteAddress();

    /**
     * The headers of the request that opened the session, names in lower case. Only headers useful to an
     * application are kept (host, user-agent, referer, accept-language, origin and the proxy headers
     * x-forwarded-for, x-real-ip, x-forwarded-proto, via and the like), never cookies or credentials.
     */
    Map<String, List<String>> headers();

    /** The path (and query) of the request that opened the session. */
    String url();

    /** The prefix of the service, for example {@code /echo}. */
    String prefix();

    /** The transport that opened the session, as sockjs-client names it ({@code websocket}, {@code xhr-streaming}, ...). */
    String protocol();

    /** Where the connection is in its life. */
    ReadyState readyState();

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
}
