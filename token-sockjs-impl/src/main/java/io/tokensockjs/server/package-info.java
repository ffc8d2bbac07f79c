/**
 * The token layer on top of SockJS: the dispatcher of the token protocol (the {@code auth} handshake, calls, answers
 * to the server's calls, channel requests handed to {@code pubsub}), the sockets, and the injectable
 * {@link io.tokensockjs.TokenSocketServer}, whose cluster-wide operations ({@code ClusterOperations}), presence
 * ({@code PresenceTracker}), user identity and re-validation ride on {@code cluster}.
 *
 * <p>May import every layer below it: {@code sockjs}, {@code json}, {@code threads}, {@code config}, {@code metrics},
 * {@code tracing}, {@code events}, {@code redis}, {@code protocol}, {@code auth}, {@code rpc}, {@code pubsub},
 * {@code history} and {@code cluster}. Never {@code cdi}.
 *
 * <p><b>Plain references on the per-message path.</b> Every call through a CDI client proxy looks its bean up in
 * its context (6 % of the server's CPU per call on Liberty). The dispatcher, and the application-scoped beans it
 * uses per message ({@code SocketRegistry}, {@code FunctionRegistry}, {@code TokenSocketMetrics}, {@code Tracing}),
 * are therefore held as the instances themselves, obtained once through their proxies ({@code unproxied()}).
 * That is safe because an application-scoped bean has one instance for the application's whole life, none of
 * these beans has interceptors or decorators that a proxy call would run, and the SockJS service that calls the
 * dispatcher stops before the application's context ends.
 */
package io.tokensockjs.server;
