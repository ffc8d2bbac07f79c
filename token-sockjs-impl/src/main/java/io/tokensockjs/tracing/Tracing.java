package io.tokensockjs.tracing;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Spans for calls in both directions and for token requests, when the runtime traces: its MicroProfile Telemetry
 * provides the OpenTelemetry API and a CDI bean of {@code OpenTelemetry}, and {@value #SDK_DISABLED} is false (the
 * specification's default is true: tracing off). Otherwise every span is {@link TraceSpan#NONE} and costs nothing.
 */
@ApplicationScoped
public class Tracing {

    private static final Logger LOG = Logger.getLogger(Tracing.class.getName());

    /** MicroProfile Telemetry's switch. */
    static final String SDK_DISABLED = "otel.sdk.disabled";
    private static final String API_CLASS = "io.opentelemetry.api.OpenTelemetry";

    @Inject
    Config config;

    private OpenTelemetrySpans spans;

    @PostConstruct
    void init() {
        if (config.getOptionalValue(SDK_DISABLED, Boolean.class).orElse(true)) {
            return;
        }
        try {
            Class<?> api = Class.forName(API_CLASS, false, Tracing.class.getClassLoader());
            Instance<?> openTelemetry = CDI.current().select(api);
            if (openTelemetry.isResolvable()) {
                spans = new OpenTelemetrySpans(openTelemetry.get());
                LOG.info("token-sockjs: calls and token requests are traced (MicroProfile Telemetry)");
            }
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.FINE, "token-sockjs: no OpenTelemetry API, no spans", e);
        }
    }

    /** Uses this OpenTelemetry (for tests outside a server). */
    void use(Object openTelemetry) {
        spans = new OpenTelemetrySpans(openTelemetry);
    }

    public boolean enabled() {
        return spans != null;
    }

    /**
     * Starts a span, or returns {@link TraceSpan#NONE} when nothing traces.
     *
     * @param function the {@code rpc.method} attribute, or null
     */
    public TraceSpan start(String name, SpanKind kind, String function) {
        OpenTelemetrySpans current = spans;
        return current == null ? TraceSpan.NONE : current.start(name, kind, function);
    }

    /**
     * This bean itself, not its client proxy: called through the proxy once, it gives the per-message path a plain
     * reference (why that is safe: the package-info of {@code io.tokensockjs.server}). Wrapped, because Weld's proxy
     * hands back itself for a method that returns {@code this}.
     */
    public Supplier<Tracing> unproxied() {
        Tracing self = this;
        return () -> self;
    }
}
