package io.tokensockjs.rpc;

import io.tokensockjs.SocketController;
import io.tokensockjs.TokenRoute;
import io.tokensockjs.auth.TokenResource;
import io.tokensockjs.rpc.ControllerMethod;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Finds the {@link SocketController} beans and checks their functions while the application deploys; a duplicate
 * function name or an unsupported signature fails the deployment with a message naming the method. The
 * {@code FunctionRegistry} takes the result. Also notes the JAX-RS filters bound to the token route.
 */
public class SocketControllerExtension implements Extension {

    /** A controller bean and its functions. */
    public record Controller(Bean<?> bean, List<ControllerMethod> methods) {
    }

    private final List<Bean<?>> controllerBeans = new ArrayList<>();
    private final List<Controller> controllers = new ArrayList<>();
    private final Set<Class<?>> tokenRouteFilters = new CopyOnWriteArraySet<>();

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        if (event.getAnnotatedBeanClass().isAnnotationPresent(SocketController.class)) {
            controllerBeans.add(event.getBean());
        }
    }

    <T> void collectTokenRouteFilters(@Observes @WithAnnotations(TokenRoute.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (type != TokenResource.class && type.isAnnotationPresent(TokenRoute.class)) {
            tokenRouteFilters.add(type);
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        Map<String, String> owners = new HashMap<>();
        for (Bean<?> bean : controllerBeans) {
            ControllerMethod.Scan scan = ControllerMethod.scan(bean.getBeanClass());
            scan.problems().forEach(problem -> event.addDeploymentProblem(new DeploymentException("@SocketController " + problem)));
            for (ControllerMethod method : scan.methods()) {
                String where = bean.getBeanClass().getName() + "." + method.method().getName();
                String previous = owners.putIfAbsent(method.name(), where);
                if (previous != null) {
                    event.addDeploymentProblem(new DeploymentException("@SocketController function name '" + method.name()
                            + "' is claimed by both " + previous + " and " + where));
                }
            }
            controllers.add(new Controller(bean, scan.methods()));
        }
    }

    /** The controllers found, after deployment validation. */
    public List<Controller> controllers() {
        return List.copyOf(controllers);
    }

    /** The application's JAX-RS filters annotated {@link TokenRoute} that are CDI beans. */
    public Set<Class<?>> tokenRouteFilters() {
        return Set.copyOf(tokenRouteFilters);
    }
}
