package io.tokensockjs.junit;

import org.microshed.testing.ApplicationEnvironment;

import java.net.URI;

/**
 * Where the application under test runs: the extension's own setting, else the system property
 * {@value #PROPERTY}, else MicroShed Testing's application environment (in manual mode: {@code microshed_hostname},
 * {@code microshed_http_port}, {@code microshed_app_context_root}).
 */
final class ApplicationUrl {

    static final String PROPERTY = "tokensockjs.test.url";

    private ApplicationUrl() {
    }

    static URI resolve(URI configured) {
        if (configured != null) {
            return configured;
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return URI.create(property);
        }
        try {
            return URI.create(ApplicationEnvironment.Resolver.load().getApplicationURL());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Where does the application run? Set the system property " + PROPERTY
                    + ", or MicroShed's microshed_manual_env=true with microshed_hostname, microshed_http_port and"
                    + " microshed_app_context_root, or give TokenSocketExtension an application URL (" + e.getMessage() + ")", e);
        }
    }
}
