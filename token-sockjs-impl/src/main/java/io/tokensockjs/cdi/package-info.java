/**
 * Where the library joins the web application's start: the declared listener that installs the token sockets, the
 * token path and every {@code @SockJsEndpoint} service.
 *
 * <p>May import every other package; nothing imports it.
 */
package io.tokensockjs.cdi;
