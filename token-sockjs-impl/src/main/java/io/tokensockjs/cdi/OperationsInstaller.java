package io.tokensockjs.cdi;

import io.tokensockjs.admin.AdminAccess;
import io.tokensockjs.admin.AdminApplication;
import io.tokensockjs.admin.DashboardServlet;
import io.tokensockjs.config.OperationsConfig;
import io.tokensockjs.metrics.PrometheusServlet;
import io.tokensockjs.metrics.TokenSocketMetrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.Optional;
import java.util.logging.Logger;

/** Puts what operators use on the web while the application starts: the scrape, and the dashboard when the admin API is on. */
@ApplicationScoped
public class OperationsInstaller {

    private static final Logger LOG = Logger.getLogger(OperationsInstaller.class.getName());

    @Inject
    OperationsConfig config;

    @Inject
    TokenSocketMetrics metrics;

    @Inject
    AdminAccess access;

    void install(ServletContext context) {
        config.metricsPath().ifPresent(path -> {
            // Servlet names must be JMX-safe on Payara: no ':'.
            ServletRegistration.Dynamic scrape = context.addServlet("token-sockjs-metrics", new PrometheusServlet(metrics.registry()));
            scrape.addMapping(path);
            LOG.info(() -> "token-sockjs: Prometheus metrics at " + path + (metrics.enabled() ? "" : " (metrics are off)"));
        });
        if (!access.enabled()) {
            LOG.fine("token-sockjs: admin API off (no " + OperationsConfig.ADMIN_SECRET + " or " + OperationsConfig.ADMIN_ROLE + ")");
            return;
        }
        LOG.info(() -> "token-sockjs: admin API at " + AdminApplication.PATH);
        Optional<String> dashboard = config.dashboardPath();
        dashboard.ifPresent(path -> {
            ServletRegistration.Dynamic page = context.addServlet("token-sockjs-dashboard",
                    new DashboardServlet(access, config.adminRole().isPresent(), context.getContextPath(), path));
            page.addMapping(path, path + "/*");
            LOG.info(() -> "token-sockjs: dashboard at " + path);
        });
    }
}
