/**
 * The HTTP side of a service: the servlet mapped to its prefix (greeting, {@code /info}, iframe page, the HTTP
 * transports, and the answers to websocket URLs that were not upgraded), the transports' facts
 * ({@link io.tokensockjs.sockjs.transport.TransportType}) and {@link io.tokensockjs.sockjs.transport.SockJsDeployment},
 * which puts a service on the web: its servlet, its websocket endpoints and the handshake peer filter.
 *
 * <p>May import: the rest of {@code io.tokensockjs.sockjs}. The top of the SockJS server.
 */
package io.tokensockjs.sockjs.transport;
