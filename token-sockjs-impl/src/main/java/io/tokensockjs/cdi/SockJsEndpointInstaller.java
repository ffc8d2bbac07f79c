package io.tokensockjs.cdi;

import io.tokensockjs.config.SockJsConfig;
import io.tokensockjs.sockjs.SockJsEndpoint;
import io.tokensockjs.sockjs.SockJsHandler;
import io.tokensockjs.sockjs.SockJsOptions;
import io.tokensockjs.sockjs.session.SockJsService;
import io.tokensockjs.sockjs.transport.SockJsDeployment;
import io.tokensockjs.threads.Scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * Installs a SockJS service for every bean annotated {@link SockJsEndpoint} while the web application starts,
 * and closes their sessions when it stops.
 */
@ApplicationScoped
public class SockJsEndpointInstaller {

    private static final Logger LOG = Logger.getLogger(SockJsEndpointInstaller.class.getName());

    @Inject
    @Any
    Instance<SockJsHandler> handlers;

    @Inject
    Config config;

    @Inject
    Scheduling scheduling;

    @Inject
    ServiceFunctions functions;

    private final List<SockJsService> services = new CopyOnWriteArrayList<>();

    /** Installs the services; called by {@link WebStartup} while the web application starts. */
    void install(ServletContext context) {
        for (Instance.Handle<SockJsHandler> handle : handlers.handles()) {
            SockJsEndpoint endpoint = handle.getBean().getBeanClass().getAnnotation(SockJsEndpoint.class);
            if (endpoint == null) {
                continue;
            }
            String name = endpoint.value();
            SockJsOptions options = functions.apply(SockJsConfig.read(config, name, "/" + name), name);
            SockJsService service = new SockJsService(name, options, handle.get(), scheduling.scheduler(), scheduling.closer(),
                scheduling.sender(), System::nanoTime);
            SockJsDeployment.deploy(context, service);
            service.start();
            services.add(service);
        }
        LOG.fine(() -> "SockJS services installed: " + services.size());
    }

    /** The services installed, in installation order. */
    public List<SockJsService> services() {
        return List.copyOf(services);
    }

    @PreDestroy
    void stop() {
        for (SockJsService service : services) {
            service.stop();
        }
        services.clear();
    }
}
