package io.tokensockjs.auth;

import io.tokensockjs.TokenRoute;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** Notes the application's JAX-RS filters bound to the token route ({@link TokenRoute}) while the application deploys. */
public class TokenRouteExtension implements Extension {

    private final Set<Class<?>> tokenRouteFilters = new CopyOnWriteArraySet<>();

    <T> void collectTokenRouteFilters(@Observes @WithAnnotations(TokenRoute.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (type != TokenResource.class && type.isAnnotationPresent(TokenRoute.class)) {
            tokenRouteFilters.add(type);
        }
    }

    /** The application's JAX-RS filters annotated {@link TokenRoute} that are CDI beans. */
    public Set<Class<?>> tokenRouteFilters() {
        return Set.copyOf(tokenRouteFilters);
    }
}
