/**
 * The admin API (JAX-RS, under {@code /token-sockjs/admin}) and the live dashboard: off until a credential is
 * configured, then every request passes {@link io.tokensockjs.admin.AdminAccess}. The API asks its questions of a
 * {@link io.tokensockjs.admin.SocketDirectory}, chosen by {@link io.tokensockjs.admin.SocketDirectories}:
 * {@link io.tokensockjs.admin.LocalSocketDirectory} answers for this server alone;
 * {@link io.tokensockjs.admin.ClusterSocketDirectory}, when the servers share a Redis, asks every live server over the
 * cluster bus (each answers from its local directory), merges the answers and names the servers that did not answer.
 *
 * <p>May import: {@code server}, {@code pubsub}, {@code cluster}, {@code metrics}, {@code json}, {@code config}.
 * Imported only by {@code cdi}.
 */
package io.tokensockjs.admin;
