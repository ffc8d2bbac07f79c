package io.tokensockjs.sockjs;

/**
 * Why a SockJS session ended: the code and reason carried by the close frame {@code c[code,"reason"]}.
 *
 * @param code   a SockJS or WebSocket close code; applications use 3000-4999
 * @param reason a short human-readable reason, sent to the client
 */
public record CloseStatus(int code, String reason) {

    /** The application closed the session. */
    public static final CloseStatus GO_AWAY = new CloseStatus(3000, "Go away!");
    /** A second receiving request arrived while one was still attached. */
    public static final CloseStatus ANOTHER_CONNECTION_STILL_OPEN = new CloseStatus(2010, "Another connection still open");
    /** The client went away without closing (an aborted request or a broken websocket). */
    public static final CloseStatus CONNECTION_INTERRUPTED = new CloseStatus(1002, "Connection interrupted");
    /** The client closed the session normally. */
    public static final CloseStatus NORMAL = new CloseStatus(1000, "Normal closure");
    /** The server is shutting down or the application is being undeployed. */
    public static final CloseStatus SERVER_SHUTDOWN = new CloseStatus(1001, "Server shutting down");
    /** The client sent a message larger than the service allows. */
    public static final CloseStatus MESSAGE_TOO_BIG = new CloseStatus(1009, "Message too big");
    /** The client sent data that is not the JSON SockJS expects. */
    public static final CloseStatus BROKEN_JSON = new CloseStatus(1007, "Broken JSON encoding");
    /** The client sent a binary websocket message: SockJS carries text only. */
    public static final CloseStatus BINARY_MESSAGE = new CloseStatus(1003, "Binary messages are not accepted");
    /** Messages for the client piled up beyond the service's bound because the client does not read. */
    public static final CloseStatus OUTBOUND_QUEUE_FULL = new CloseStatus(1008, "Outbound queue full");
    /** No receiving request was attached for longer than the disconnect delay. */
    public static final CloseStatus SESSION_TIMED_OUT = new CloseStatus(1000, "Session timed out");

    public CloseStatus {
        if (reason == null) {
            reason = "";
        }
    }
}
