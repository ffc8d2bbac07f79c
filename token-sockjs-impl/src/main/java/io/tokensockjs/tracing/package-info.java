/**
 * Spans for the runtime's tracing (MicroProfile Telemetry's OpenTelemetry API): calls of server functions (SERVER),
 * calls of client functions (CLIENT) and token requests (INTERNAL, inside the runtime's span of the HTTP request).
 * Nothing here needs the API at run time unless tracing is on.
 *
 * <p>May import nothing of the library. Imported by {@code auth}, {@code server} and {@code cdi}.
 */
package io.tokensockjs.tracing;
