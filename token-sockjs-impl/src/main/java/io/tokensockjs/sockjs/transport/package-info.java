/**
 * The HTTP side of a service: the servlet mapped to its prefix (greeting, {@code /info}, iframe page, the HTTP
 * transports, and the websocket upgrades), the transports' facts ({@link io.tokensockjs.sockjs.transport.TransportType})
 * and {@link io.tokensockjs.sockjs.transport.SockJsDeployment}, which puts a service on the web.
 *
 * <p>May import: the rest of {@code io.tokensockjs.sockjs}. The top of the SockJS server.
 */
package io.tokensockjs.sockjs.transport;
