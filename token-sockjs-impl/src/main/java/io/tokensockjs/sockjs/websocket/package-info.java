/**
 * The websocket transports: framed SockJS and raw messages, on Jakarta WebSocket endpoints made one per connection.
 * Sends are asynchronous, one in flight per socket ({@code WebSocketReceiver}). On Tyrus (Payara) a socket's
 * scheduler skips the idle timer Tyrus restarts on every message in and out although the endpoints set no idle
 * timeout ({@code TyrusIdleTimer}): that timer's context capture and hand-off to a managed thread were most of
 * Payara's CPU per message. Where that scheduler cannot be replaced, sends run with the platform class loader as
 * context loader ({@code SendLoader}), which at least keeps the capture's service lookup short on the send path.
 * On Liberty an asynchronous send is always queued to its write selector and completed on another executor thread
 * (its {@code MessageWriter} forces the queue), a quarter of its CPU per call; its blocking send has no timeout, so a
 * client that stops reading would hold the sending thread, and its batching ({@code setBatchingAllowed}) is a no-op:
 * the asynchronous send stays ({@code benchmarks/results/2026-12-07-liberty-perf2.md}).
 *
 * <p>May import: {@code io.tokensockjs.sockjs}, {@code sockjs.frame} and {@code sockjs.session}.
 */
package io.tokensockjs.sockjs.websocket;
