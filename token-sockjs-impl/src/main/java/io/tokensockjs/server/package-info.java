/**
 * The token layer on top of SockJS: the dispatcher of the token protocol (the {@code auth} handshake, calls, answers
 * to the server's calls, channel requests handed to {@code pubsub}), the sockets, and the injectable
 * {@link io.tokensockjs.TokenSocketServer}, whose cluster-wide operations ({@code ClusterOperations}), presence
 * ({@code PresenceTracker}), user identity and re-validation ride on {@code cluster}.
 *
 * <p>May import every layer below it: {@code sockjs}, {@code json}, {@code threads}, {@code config}, {@code metrics},
 * {@code tracing}, {@code events}, {@code redis}, {@code protocol}, {@code auth}, {@code rpc}, {@code pubsub},
 * {@code history} and {@code cluster}. Never {@code cdi}.
 */
package io.tokensockjs.server;
