package io.tokensockjs.tracing;

/** OpenTelemetry's span kinds the library uses, without naming OpenTelemetry's own type where it may be absent. */
public enum SpanKind {
    /** Work the server does for a client: a call of a server function. */
    SERVER,
    /** A request the server makes of a client: a call of a client function. */
    CLIENT,
    /** Work inside a request that already has its span: issuing a token. */
    INTERNAL
}
