package io.tokensockjs.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * The keys of what operators use: metrics, the admin API and the dashboard. Apart from {@link TokenSockJsConfig}
 * because none of it is on a socket's path.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #METRICS_ENABLED}</td><td>true</td><td>count what the sockets do (off: every instrument is a no-op)</td></tr>
 *   <tr><td>{@value #METRICS_PATH}</td><td>(none)</td><td>where the Prometheus text scrape is served under the context root; none: not served</td></tr>
 *   <tr><td>{@value #ADMIN_SECRET}</td><td>(none)</td><td>a bearer secret (at least 16 characters) that turns the admin API and the dashboard on</td></tr>
 *   <tr><td>{@value #ADMIN_ROLE}</td><td>(none)</td><td>a Jakarta Security role whose members may use the admin API and the dashboard</td></tr>
 *   <tr><td>{@value #DASHBOARD_PATH}</td><td>/token-sockjs/dashboard</td><td>where the dashboard is served while the admin API is on; {@code off}: nowhere</td></tr>
 * </table>
 */
@ApplicationScoped
public class OperationsConfig {

    public static final String METRICS_ENABLED = "token-sockjs.metrics.enabled";
    public static final String METRICS_PATH = "token-sockjs.metrics.path";
    public static final String ADMIN_SECRET = "token-sockjs.admin.secret";
    public static final String ADMIN_ROLE = "token-sockjs.admin.role";
    public static final String DASHBOARD_PATH = "token-sockjs.dashboard.path";

    /** Shorter secrets are refused: a guessable secret is worse than none. */
    public static final int MIN_SECRET_LENGTH = 16;

    @Inject
    Config config;

    public boolean metricsEnabled() {
        return config.getOptionalValue(METRICS_ENABLED, Boolean.class).orElse(true);
    }

    public Optional<String> metricsPath() {
        return path(METRICS_PATH);
    }

    /** The admin secret; an error when one is set but too short. */
    public Optional<String> adminSecret() {
        Optional<String> secret = string(ADMIN_SECRET);
        if (secret.isPresent() && secret.get().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(ADMIN_SECRET + " must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        return secret;
    }

    public Optional<String> adminRole() {
        return string(ADMIN_ROLE);
    }

    /** The dashboard's path, empty when set to {@code off}. */
    public Optional<String> dashboardPath() {
        Optional<String> value = string(DASHBOARD_PATH);
        if (value.isPresent() && value.get().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        return value.isPresent() ? path(DASHBOARD_PATH) : Optional.of("/token-sockjs/dashboard");
    }

    private Optional<String> path(String key) {
        return string(key).map(path -> {
            if (!path.startsWith("/") || path.contains("*") || path.length() < 2) {
                throw new IllegalArgumentException(key + " must be a path such as /metrics, not " + path);
            }
            return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        });
    }

    private Optional<String> string(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }
}
