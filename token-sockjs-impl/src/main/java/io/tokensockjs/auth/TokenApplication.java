package io.tokensockjs.auth;

import jakarta.enterprise.inject.Any;
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

    /** The application's filters bound to the token route, CDI beans that the JAX-RS runtime gets from CDI. */
    @Override
    public Set<Class<?>> getClasses() {
        return new HashSet<>(CDI.current().select(TokenRouteExtension.class).get().tokenRouteFilters());
    }

    /**
     * The token route itself, one instance made here. Deprecated since Jakarta REST 3.1 in favour of
     * {@link #getClasses()}, yet still part of it and honoured by RESTEasy (Liberty) and Jersey (Payara): as a class,
     * a CDI bean resource is looked up in the bean manager on every request (6 % of a token's server CPU on Liberty).
     */
    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
        CDI<Object> cdi = CDI.current();
        return Set.of(new TokenResource(cdi.select(TokenIssuer.class).get().unproxied().get(),
                cdi.select(TokenRequestObserver.class, Any.Literal.INSTANCE).stream().toList()));
    }
}
