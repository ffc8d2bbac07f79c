/**
 * The token-sockjs wire protocol inside SockJS, as data: the commands clients send
 * ({@link io.tokensockjs.protocol.Command}), a parsed request ({@link io.tokensockjs.protocol.ClientRequest}) and its
 * fields as read by a strict scanner of its own ({@link io.tokensockjs.protocol.MessageFields}), the
 * messages the server writes ({@link io.tokensockjs.protocol.WireMessages}) and the stable error strings
 * ({@link io.tokensockjs.protocol.ErrorCode}).
 *
 * <p>May import: {@code sockjs.frame} and {@code json}. Shared by the dispatcher ({@code server}) and
 * publish/subscribe ({@code pubsub}), which both answer clients.
 */
package io.tokensockjs.protocol;
