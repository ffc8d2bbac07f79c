package io.tokensockjs.admin;

import io.tokensockjs.config.OperationsConfig;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Who may use the admin API and the dashboard: nobody unless a credential is configured, a bearer secret
 * ({@value OperationsConfig#ADMIN_SECRET}) or a Jakarta Security role ({@value OperationsConfig#ADMIN_ROLE}).
 * The secret is compared in constant time, on digests, so that neither its content nor its length leaks through
 * timing.
 */
@ApplicationScoped
public class AdminAccess {

    private static final Logger LOG = Logger.getLogger(AdminAccess.class.getName());

    /** What a request gets. */
    public enum Decision {
        /** Allowed. */
        ALLOWED(200),
        /** The admin API is off: it answers as if it were not there. */
        OFF(404),
        /** No credential presented. */
        UNAUTHORIZED(401),
        /** A credential presented, and not the right one (or a user without the role). */
        FORBIDDEN(403);

        private final int status;

        Decision(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final String BEARER = "Bearer ";

    @Inject
    OperationsConfig config;

    private byte[] secretDigest;
    private String role;

    @PostConstruct
    void init() {
        Optional<String> secret = config.adminSecret();
        secretDigest = secret.map(AdminAccess::digest).orElse(null);
        role = config.adminRole().orElse(null);
    }

    /** Whether the admin API is on: a credential is configured. */
    public boolean enabled() {
        return secretDigest != null || role != null;
    }

    public Decision decide(HttpServletRequest request) {
        if (!enabled()) {
            return Decision.OFF;
        }
        String authorization = request.getHeader("Authorization");
        if (secretDigest != null && authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            if (MessageDigest.isEqual(secretDigest, digest(authorization.substring(BEARER.length()).trim()))) {
                return Decision.ALLOWED;
            }
            LOG.fine(() -> "admin API: wrong bearer secret from " + request.getRemoteAddr());
            return Decision.FORBIDDEN;
        }
        if (role != null && request.getUserPrincipal() != null) {
            if (request.isUserInRole(role)) {
                return Decision.ALLOWED;
            }
            LOG.fine(() -> "admin API: user without the role " + role + " from " + request.getRemoteAddr());
            return Decision.FORBIDDEN;
        }
        return authorization == null ? Decision.UNAUTHORIZED : Decision.FORBIDDEN;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
