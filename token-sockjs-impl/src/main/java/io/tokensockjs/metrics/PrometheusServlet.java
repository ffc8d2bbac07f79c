package io.tokensockjs.metrics;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The Prometheus scrape: {@code GET} answers every metric as text. Registered at the configured path only; it reads
 * nothing from the request.
 */
public final class PrometheusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient MetricRegistry registry;

    public PrometheusServlet(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = registry.prometheusText().getBytes(StandardCharsets.UTF_8);
        response.setContentType(MetricRegistry.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
