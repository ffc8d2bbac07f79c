package io.tokensockjs.event;

import io.tokensockjs.Socket;

/**
 * A client asked for the history of a channel it is on: with {@code _history}, or by subscribing with {@code since}
 * to recover what it missed. A veto refuses {@code _history} with the veto's reason; a subscription still goes
 * ahead, without the missed messages ({@code "recovered":false}).
 */
public interface HistoryEvent extends VetoableEvent {

    Socket socket();

    String channel();

    /** The offset the client has, or -1 when it asks for the latest messages. */
    long since();

    /** How many messages it asks for at most (already capped by {@code token-sockjs.history.max-per-request}). */
    int limit();
}
