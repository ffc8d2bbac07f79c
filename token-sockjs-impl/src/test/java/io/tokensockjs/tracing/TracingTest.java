package io.tokensockjs.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The spans the library starts, recorded by a real OpenTelemetry SDK. */
class TracingTest {

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    exported.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            })).build();

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void withoutTheRuntimesTracingSpansAreNothing() {
        Tracing tracing = new Tracing();
        assertFalse(tracing.enabled());
        assertSame(TraceSpan.NONE, tracing.start("token-sockjs math.add", SpanKind.SERVER, "math.add"));
    }

    @Test
    void aCallBecomesASpanWithItsFunctionOutcomeAndStatus() {
        Tracing tracing = new Tracing();
        // What the runtime's MicroProfile Telemetry hands out, reduced to the tracer provider.
        tracing.use(new OpenTelemetry() {
            @Override
            public TracerProvider getTracerProvider() {
                return provider;
            }

            @Override
            public ContextPropagators getPropagators() {
                return ContextPropagators.noop();
            }
        });

        TraceSpan call = tracing.start("token-sockjs math.add", SpanKind.SERVER, "math.add");
        String childTrace;
        try (TraceSpan.Scope scope = call.makeCurrent()) {
            childTrace = Span.current().getSpanContext().getTraceId();
        }
        call.end("ok", false);
        tracing.start("token-sockjs client clock.now", SpanKind.CLIENT, "clock.now").end("timeout", true);

        assertEquals(2, exported.size());
        SpanData server = exported.get(0);
        assertEquals("token-sockjs math.add", server.getName());
        assertEquals(io.opentelemetry.api.trace.SpanKind.SERVER, server.getKind());
        assertEquals("math.add", server.getAttributes().get(OpenTelemetrySpans.RPC_METHOD));
        assertEquals("token-sockjs", server.getAttributes().get(OpenTelemetrySpans.RPC_SYSTEM));
        assertEquals("ok", server.getAttributes().get(OpenTelemetrySpans.OUTCOME));
        assertEquals(StatusCode.UNSET, server.getStatus().getStatusCode());
        assertEquals(server.getTraceId(), childTrace, "the span is current while the function runs");
        assertEquals(OpenTelemetrySpans.INSTRUMENTATION, server.getInstrumentationScopeInfo().getName());

        SpanData client = exported.get(1);
        assertEquals(io.opentelemetry.api.trace.SpanKind.CLIENT, client.getKind());
        assertEquals(StatusCode.ERROR, client.getStatus().getStatusCode());
        assertEquals("timeout", client.getAttributes().get(OpenTelemetrySpans.OUTCOME));
    }
}
