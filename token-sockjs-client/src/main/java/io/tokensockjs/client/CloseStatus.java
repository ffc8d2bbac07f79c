package io.tokensockjs.client;

/**
 * How a connection ended: the code and reason of the server's SockJS close frame {@code c[code,"reason"]} or
 * websocket close, or one the client gives itself ({@link #CLOSED_BY_CLIENT}, and {@code 1006} for a connection that
 * broke, with the reason saying why).
 *
 * @param code   a SockJS or websocket close code
 * @param reason the reason, never null
 */
public record CloseStatus(int code, String reason) {

    /** {@link TokenSocketClient#close()} was called. */
    public static final CloseStatus CLOSED_BY_CLIENT = new CloseStatus(1000, "Closed by the client");

    /** The code of a connection that ended without a close from the server. */
    public static final int ABNORMAL = 1006;

    public CloseStatus {
        reason = reason == null ? "" : reason;
    }

    static CloseStatus abnormal(String why) {
        return new CloseStatus(ABNORMAL, why);
    }

    @Override
    public String toString() {
        return code + " " + reason;
    }
}
