package io.tokensockjs.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * Spans through the OpenTelemetry API the runtime provides (MicroProfile Telemetry). Only loaded once the API is
 * known to be there. Uses nothing newer than OpenTelemetry 1.0, so that Payara's Telemetry 1.1 and Liberty's 2.x
 * both run it.
 */
final class OpenTelemetrySpans {

    static final String INSTRUMENTATION = "io.tokensockjs";
    static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("tokensockjs.outcome");

    private final Tracer tracer;

    OpenTelemetrySpans(Object openTelemetry) {
        this.tracer = ((OpenTelemetry) openTelemetry).getTracer(INSTRUMENTATION);
    }

    TraceSpan start(String name, SpanKind kind, String function) {
        var builder = tracer.spanBuilder(name).setSpanKind(io.opentelemetry.api.trace.SpanKind.valueOf(kind.name()))
                .setAttribute(RPC_SYSTEM, "token-sockjs");
        if (function != null) {
            builder.setAttribute(RPC_METHOD, function);
        }
        Span span = builder.startSpan();
        return new TraceSpan() {
            @Override
            public TraceSpan.Scope makeCurrent() {
                // OpenTelemetry's Scope: inside a TraceSpan the simple name means TraceSpan.Scope.
                io.opentelemetry.context.Scope scope = span.makeCurrent();
                return scope::close;
            }

            @Override
            public void end(String outcome, boolean failed) {
                span.setAttribute(OUTCOME, outcome);
                if (failed) {
                    span.setStatus(StatusCode.ERROR, outcome);
                }
                span.end();
            }
        };
    }
}
