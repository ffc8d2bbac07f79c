/**
 * A Java client of token-sockjs: {@link io.tokensockjs.client.TokenSocketClient}, built with its
 * {@link io.tokensockjs.client.TokenSocketClient.Builder}, told about pushed messages and connection changes through
 * a {@link io.tokensockjs.client.ClientListener}, answering the server's calls with
 * {@link io.tokensockjs.client.ClientFunction}s. Every failure is a
 * {@link io.tokensockjs.client.TokenSocketException} subclass; {@link io.tokensockjs.client.CloseStatus} says how a
 * connection ended. The rest of the package (framing, the token request, pending calls, the channels and history
 * positions held, the server's calls of client functions, timers) is internal.
 */
package io.tokensockjs.client;
