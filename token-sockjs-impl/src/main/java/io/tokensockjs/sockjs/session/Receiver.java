package io.tokensockjs.sockjs.session;

import io.tokensockjs.sockjs.CloseStatus;

import java.io.IOException;

/**
 * Where a session's frames go: a receiving HTTP request or a websocket. The seam between the transports and
 * the session.
 *
 * <p>The session calls these methods only while holding its own monitor, so an implementation needs no
 * locking of its own as long as its callbacks (write possible, errors) also synchronize on the session.
 */
public interface Receiver {

    /** Whether another frame can be taken now without piling up in memory. */
    boolean isReady();

    /**
     * Sends one unwrapped frame; the receiver wraps it for its transport. May be called when not ready: the
     * receiver then holds the frame until it can write it.
     *
     * @return true when the receiver is finished after this frame (a poll was answered or the response
     *         limit was reached) and the session must let it go
     */
    boolean send(String frame) throws IOException;

    /**
     * Ends the response or closes the socket, once what was sent has been written. Idempotent.
     *
     * @param status why the session closed, or null when only this receiver is finished (a poll was answered)
     */
    void end(CloseStatus status);

    /**
     * Writes a heartbeat the client ignores, without finishing the response, to find out whether the client is
     * still there: servlet containers do not notice that a client closed an idle request, but a write to it
     * soon fails. Receivers whose clients would mishandle an extra frame (JSONP polling) decline.
     *
     * @return false when this receiver cannot be probed
     * @throws IOException when the write failed: the client is gone
     */
    default boolean probe() throws IOException {
        return false;
    }

    /**
     * Whether this receiver carries bare messages with no SockJS framing (the raw websocket): it then gets each
     * message as it is, and neither open, heartbeat nor close frames.
     */
    default boolean isRaw() {
        return false;
    }
}
