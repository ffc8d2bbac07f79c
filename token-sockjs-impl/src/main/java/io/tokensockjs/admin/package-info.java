/**
 * The admin API (JAX-RS, under {@code /token-sockjs/admin}) and the live dashboard: off until a credential is
 * configured, then every request passes {@link io.tokensockjs.admin.AdminAccess}. The API asks its questions of a
 * {@link io.tokensockjs.admin.SocketDirectory}: {@link io.tokensockjs.admin.LocalSocketDirectory} answers for this
 * server; a directory over every server sharing Redis can take its place.
 *
 * <p>May import: {@code server}, {@code pubsub}, {@code metrics}, {@code json}, {@code config}. Imported only by
 * {@code cdi}.
 */
package io.tokensockjs.admin;
