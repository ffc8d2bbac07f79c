/**
 * The websocket transports: framed SockJS and raw messages, on Jakarta WebSocket endpoints made one per connection.
 * Sends are asynchronous, one in flight per socket ({@code WebSocketReceiver}). On Tyrus (Payara) a socket's
 * scheduler skips the idle timer Tyrus restarts on every message in and out although the endpoints set no idle
 * timeout ({@code TyrusIdleTimer}; the application's server container too, whose new sessions start one in their
 * constructor): that timer's context capture and hand-off to a managed thread were most of Payara's CPU per message,
 * and a fifth of its CPU per connect. Where that scheduler cannot be replaced, sends run with the platform class
 * loader as context loader ({@code SendLoader}), which at least keeps the capture's service lookup short on the send
 * path. Tyrus writes and completes a send on the thread that makes it: there, sends made off the socket's reading
 * thread (channel messages on the broker's subscriber thread, heartbeats) are written by the service's sender
 * threads, and what the session is given meanwhile leaves with the next send as one frame.
 *
 * <p>May import: {@code io.tokensockjs.sockjs}, {@code sockjs.frame} and {@code sockjs.session}.
 */
package io.tokensockjs.sockjs.websocket;
