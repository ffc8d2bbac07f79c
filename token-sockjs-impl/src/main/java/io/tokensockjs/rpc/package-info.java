/**
 * The functions clients call: the {@code @SocketController} methods found and checked at deployment (by
 * {@link io.tokensockjs.rpc.SocketControllerExtension}), functions added at run time, HTTP routes offered as
 * functions, and the binding of request data.
 *
 * <p>May import: {@code sockjs.frame}, {@code json}, {@code threads}, {@code config} and {@code auth} (to learn the
 * application's address from token requests).
 */
package io.tokensockjs.rpc;
