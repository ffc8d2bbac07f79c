package io.tokensockjs.sockjs;

/** The life of a connection, numbered as in the browser's {@code WebSocket.readyState}. */
public enum ReadyState {
    CONNECTING,
    OPEN,
    CLOSING,
    CLOSED
}
