package io.tokensockjs.sockjs;

/**
 * The application's side of a SockJS service: told when a connection opens, sends a message and closes.
 *
 * <p>Methods are called on container or scheduler threads, one call at a time per connection and in order
 * for that connection; different connections are served concurrently. A handler must not block for long:
 * it delays the other messages of the same connection.
 */
public interface SockJsHandler {

    /** A client opened a session; the open frame has been sent. */
    default void onOpen(SockJsConnection connection) {
    }

    /** The client sent one message. */
    void onMessage(SockJsConnection connection, String message);

    /** The session ended, whoever ended it. Called once per connection. */
    default void onClose(SockJsConnection connection, CloseStatus status) {
    }
}
