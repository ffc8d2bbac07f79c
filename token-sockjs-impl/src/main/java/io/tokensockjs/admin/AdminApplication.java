package io.tokensockjs.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The admin API's own JAX-RS application, holding only its resource. Always deployed (JAX-RS paths are fixed at
 * compile time), it answers 404 to everything until a credential is configured ({@link AdminAccess}).
 */
@ApplicationPath(AdminApplication.PATH)
public class AdminApplication extends Application {

    /** Where the admin API lives under the context root. */
    public static final String PATH = "/token-sockjs/admin";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AdminResource.class);
    }
}
