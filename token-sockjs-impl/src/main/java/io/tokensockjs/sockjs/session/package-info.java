/**
 * Sessions: the state machine every transport shares ({@code o} first, one receiver at a time, queued messages,
 * heartbeats, the disconnect delay), the {@link io.tokensockjs.sockjs.session.Receiver} seam between a session and
 * the transport carrying it, and {@link io.tokensockjs.sockjs.session.SockJsService}, one service's options,
 * handler, sessions and timers.
 *
 * <p>May import: {@code io.tokensockjs.sockjs} and {@code sockjs.frame}.
 */
package io.tokensockjs.sockjs.session;
