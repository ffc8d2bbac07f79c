/**
 * The Redis connection settings ({@code token-sockjs.redis.*}): the URL of a standalone, Sentinel or Cluster
 * deployment ({@code RedisUrl}, {@code RedisMode}), the TLS trust ({@code RedisTls}), and the one pooled client the
 * token store and the broker share, of the kind the mode needs ({@code RedisConnections}).
 *
 * <p>May import: {@code config}.
 */
package io.tokensockjs.redis;
