/**
 * Shared thread infrastructure: {@link io.tokensockjs.threads.Scheduling} hands out the server's managed executor,
 * scheduler and thread factory (private fallbacks where the server has none) and the websocket closer.
 *
 * <p>May import: nothing of this project.
 */
package io.tokensockjs.threads;
