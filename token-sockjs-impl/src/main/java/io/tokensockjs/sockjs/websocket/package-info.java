/**
 * The websocket transports: framed SockJS and raw messages, on Jakarta WebSocket endpoints made one per connection.
 *
 * <p>May import: {@code io.tokensockjs.sockjs}, {@code sockjs.frame} and {@code sockjs.session}.
 */
package io.tokensockjs.sockjs.websocket;
