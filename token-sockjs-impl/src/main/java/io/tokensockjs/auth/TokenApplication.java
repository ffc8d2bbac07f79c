package io.tokensockjs.auth;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.HashSet;
import java.util.Set;

/**
 * The library's own JAX-RS application, holding only the token route and the application's filters bound to it,
 * so that it never republishes the application's own resources. Its path plus the resource's makes the default
 * token path {@code /socket/token}; another configured path is forwarded here.
 */
@ApplicationPath(TokenApplication.PATH)
public class TokenApplication extends Application {

    /** Where the application lives under the context root. */
    public static final String PATH = "/socket";
    /** The token route's own path, the default token path. */
    public static final String TOKEN_PATH = PATH + "/token";

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>();
        classes.add(TokenResource.class);
        classes.addAll(CDI.current().select(TokenRouteExtension.class).get().tokenRouteFilters());
        return classes;
    }
}
