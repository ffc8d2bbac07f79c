package io.tokensockjs.rpc;

import io.tokensockjs.SocketController;
import io.tokensockjs.rpc.ControllerMethod;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@link SocketController} beans and checks their functions while the application deploys; a duplicate
 * function name or an unsupported signature fails the deployment with a message naming the method. The
 * {@link FunctionRegistry} takes the result.
 */
public class SocketControllerExtension implements Extension {

    /** A controller bean and its functions. */
    public record Controller(Bean<?> bean, List<ControllerMethod> methods) {
    }

    private final List<Bean<?>> controllerBeans = new ArrayList<>();
    private final List<Controller> controllers = new ArrayList<>();

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        if (event.getAnnotatedBeanClass().isAnnotationPresent(SocketController.class)) {
            controllerBeans.add(event.getBean());
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
}
