/**
 * The Redis connection settings ({@code token-sockjs.redis.*}) and the one pooled client the token store and the
 * broker share.
 *
 * <p>May import: {@code config}.
 */
package io.tokensockjs.redis;
