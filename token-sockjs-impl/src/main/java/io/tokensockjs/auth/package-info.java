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
 *
 * <p><b>Suspended token requests.</b> With a standalone or Sentinel Redis the route answers through an
 * {@code AsyncResponse}: the token's {@code SET} is queued to the {@code PipelinedTokenWriter}, whose one thread
 * writes whatever waits as one pipeline; each request is resumed with its own answer on the library's responder
 * threads ({@code Scheduling.responder()}), never on the writer's (so the answer, and the application's response
 * filters bound to the route, run there: on Payara, Grizzly then serves the connection's next request on that thread
 * too, which on the writer's would hold up every token's batch). The request's thread does not wait for
 * Redis; what the answer needs of the request (origin, CORS) is read before it leaves. A failed batch fails every
 * request of it with the 503 a failed command gave; a command older than the socket timeout when its batch forms
 * fails too, which with the client's own timeouts bounds every wait. The in-memory store and Redis Cluster answer on
 * the request's thread (a Cluster {@code SET} follows redirections and retries, a cluster pipeline would not).
 */
package io.tokensockjs.auth;
