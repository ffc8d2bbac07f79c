/**
 * Tokens: the JAX-RS token route and its origin policy, the default authentication, and the token stores (memory,
 * Redis). Other layers learn of token requests through {@link io.tokensockjs.auth.TokenRequestObserver} beans.
 *
 * <p>May import: {@code sockjs.frame}, {@code json}, {@code threads}, {@code config}, {@code metrics}, {@code tracing} and {@code redis}. Never the
 * RPC, publish/subscribe or dispatcher layers.
 */
package io.tokensockjs.auth;
