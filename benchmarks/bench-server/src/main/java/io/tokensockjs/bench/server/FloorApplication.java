package io.tokensockjs.bench.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * {@code GET /bench/floor/ping}: the cheapest JAX-RS resource there is, so that the token route's cost can be
 * read against what any JAX-RS request costs on the same server ({@code bench.sh once java token --path /floor/ping});
 * {@code GET /bench/floor/constant} the same constant from a singleton that is not a CDI bean, as the token route's
 * resource is. {@link FloorServlet} is the floor without JAX-RS.
 */
@ApplicationPath("/floor")
public class FloorApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(PingResource.class);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
        return Set.of(new ConstantResource());
    }
}
