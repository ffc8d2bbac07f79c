/**
 * Every MicroProfile Config key of the library with its default ({@link io.tokensockjs.config.TokenSockJsConfig}
 * for the token layer, {@link io.tokensockjs.config.SockJsConfig} for the options of SockJS services) and the
 * parsing of durations and sizes.
 *
 * <p>May import: {@code io.tokensockjs.sockjs} (the options it builds). Values only: what they configure (Redis, ...)
 * is built by the layer that uses it.
 */
package io.tokensockjs.config;
