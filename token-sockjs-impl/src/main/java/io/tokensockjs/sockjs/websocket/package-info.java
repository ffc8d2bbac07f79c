/**
 * The websocket transports: framed SockJS and raw messages, on Jakarta WebSocket endpoints made one per connection.
 * Sends are asynchronous, one in flight per socket ({@code WebSocketReceiver}); on Tyrus (Payara) they run with the
 * platform class loader as context loader ({@code SendLoader}), which takes Tyrus's per-message idle-timer context
 * capture off the send path.
 *
 * <p>May import: {@code io.tokensockjs.sockjs}, {@code sockjs.frame} and {@code sockjs.session}.
 */
package io.tokensockjs.sockjs.websocket;
