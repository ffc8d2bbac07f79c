/**
 * Tokens: the JAX-RS token route and its origin policy, the default authentication, and the token stores (memory,
 * Redis). Other layers learn of token requests through {@link io.tokensockjs.auth.TokenRequestObserver} beans.
 *
 * <p>May import: {@code sockjs.frame}, {@code json}, {@code threads}, {@code config}, {@code metrics}, {@code tracing} and {@code redis}. Never the
 * RPC, publish/subscribe or dispatcher layers.
 *
 * <p><b>Plain references on the token route.</b> The route's resource holds the {@code TokenIssuer} bean itself, and
 * the issuer the metrics, tracing and token store (and the Redis store its {@code RedisClients}), obtained once
 * through their client proxies ({@code unproxied()}): a proxy call looks its bean up in its context, per token. Safe
 * for the reasons the package-info of {@code io.tokensockjs.server} gives: one instance of an application-scoped
 * bean for the application's whole life, no interceptors or decorators on them, and the route stops with the
 * application.
 */
package io.tokensockjs.auth;
