/**
 * The SockJS 0.3 server, as an application sees it: {@link io.tokensockjs.sockjs.SockJsHandler} (implemented by the
 * application, or by the token layer), {@link io.tokensockjs.sockjs.SockJsConnection} (one client's session, what
 * sockjs-node calls a Connection), {@link io.tokensockjs.sockjs.SockJsEndpoint}, the options and close statuses.
 *
 * <p>The SockJS server knows nothing of tokens, RPC or Redis, and imports nothing of this project outside
 * {@code io.tokensockjs.sockjs}: it could be a library of its own. Inside it dependencies point down, in this order:
 * {@code transport} (the servlet that routes every request of a service, and its deployment) uses {@code websocket}
 * (the websocket endpoints), which uses {@code session} (sessions, their timers and the service that holds them),
 * which uses this package, which uses {@code frame} (frames and their encodings). {@code ArchitectureTest} checks it.
 */
package io.tokensockjs.sockjs;
