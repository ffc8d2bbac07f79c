package io.tokensockjs;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an application's JAX-RS filter to the token route, so that it runs before a token is issued (the
 * original's {@code customMiddleware}):
 * <pre>{@code
 * @Provider
 * @TokenRoute
 * public class RateLimit implements ContainerRequestFilter {
 *     public void filter(ContainerRequestContext request) { ... request.abortWith(...) ... }
 * }
 * }</pre>
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TokenRoute {
}
