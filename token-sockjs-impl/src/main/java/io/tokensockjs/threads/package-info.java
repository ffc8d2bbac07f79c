/**
 * Shared thread infrastructure: {@link io.tokensockjs.threads.Scheduling} hands out the server's managed executor,
 * scheduler and thread factory (private fallbacks where the server has none), the websocket closer, and the sender
 * that writes websocket sends made off a socket's reading thread on Tyrus (Payara).
 *
 * <p>May import: nothing of this project.
 */
package io.tokensockjs.threads;
