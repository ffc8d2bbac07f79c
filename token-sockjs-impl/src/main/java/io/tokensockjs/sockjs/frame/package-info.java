/**
 * The bytes of the SockJS protocol: the frames a server sends, how each transport wraps them, the JSON string
 * quoting SockJS requires (and the token layer reuses), and the parsing of what clients send.
 *
 * <p>May import: nothing of this project. The bottom of the SockJS server.
 */
package io.tokensockjs.sockjs.frame;
