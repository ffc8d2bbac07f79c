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
 * On Liberty an asynchronous send is always queued to its write selector and completed on another executor thread
 * (its {@code MessageWriter} forces the queue), a quarter of its CPU per call; its blocking send has no timeout, so a
 * client that stops reading would hold the sending thread, and closing the session does not release that thread (it
 * stays in the write after the socket is closed, and the close itself may block behind it: no watchdog can free it by
 * closing); and its batching ({@code setBatchingAllowed}) is a no-op: the asynchronous send stays
 * ({@code benchmarks/results/2026-12-07-liberty-perf2.md}, {@code 2026-12-07-blocking-send.md}).
 * On Tyrus the server's closes start with a close frame only and end on the reading thread when the client answers
 * ({@code TyrusCloseFrame}): Payara's {@code Session.close()} racing the client's answer broke its request pool.
 *
 * <p>Known container defect: Open Liberty (26.0.0.3) now and then closes a websocket itself with 1007 "Invalid UTF-8
 * data received" although the client sent valid text, when large messages (which the JDK client, among others, sends
 * in several frames) and small and empty ones arrive back to back: an FFDC {@code MalformedInputException} from
 * {@code LinkRead.convertMessageToString}, before any of this code runs; messages.log shows only the FFDC1015I line.
 * Reproduced on the plain {@code /echo} service of the test application, so not the token layer's doing, and with a
 * whole-message handler in place of the partial one as well, so not {@code FragmentedText}'s; Payara is not
 * affected. FuzzIT sends a batch again on a fresh socket when it happens, and says so.
 *
 * <p>May import: {@code io.tokensockjs.sockjs}, {@code sockjs.frame} and {@code sockjs.session}.
 */
package io.tokensockjs.sockjs.websocket;
