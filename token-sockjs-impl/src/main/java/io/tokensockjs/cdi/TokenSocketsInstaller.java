package io.tokensockjs.cdi;

import io.tokensockjs.auth.TokenApplication;
import io.tokensockjs.config.SockJsConfig;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.server.SocketDispatcher;
import io.tokensockjs.sockjs.SockJsOptions;
import io.tokensockjs.sockjs.session.SockJsService;
import io.tokensockjs.sockjs.transport.SockJsDeployment;
import io.tokensockjs.threads.Scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.logging.Logger;

/** Puts the token sockets and the token route on the web while the application starts. */
@ApplicationScoped
public class TokenSocketsInstaller {

    private static final Logger LOG = Logger.getLogger(TokenSocketsInstaller.class.getName());

    @Inject
    TokenSockJsConfig config;

    @Inject
    SocketDispatcher dispatcher;

    @Inject
    Scheduling scheduling;

    @Inject
    ServiceFunctions functions;

    private SockJsService service;

    void install(ServletContext context) {
        SockJsOptions options = functions.apply(
                SockJsConfig.read(config.raw(), TokenSockJsConfig.SOCKJS_SERVICE, config.prefix()), TokenSockJsConfig.SOCKJS_SERVICE);
        service = new SockJsService(TokenSockJsConfig.SOCKJS_SERVICE, options, dispatcher.unproxied().get(), scheduling.scheduler(), scheduling.closer(),
                scheduling.sender(), System::nanoTime);
        SockJsDeployment.deploy(context, service);
        service.start();
        String tokenPath = config.tokenPath();
        if (!tokenPath.equals(TokenApplication.TOKEN_PATH)) {
            FilterRegistration.Dynamic forward = context.addFilter("token-sockjs-token-path", new TokenPathForward());
            forward.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, tokenPath);
        }
        LOG.info(() -> "token-sockjs: sockets at " + options.prefix() + ", tokens at " + tokenPath);
    }

    /** The SockJS service of the token sockets, once installed. */
    public SockJsService service() {
        return service;
    }

    void stop() {
        if (service != null) {
            service.stop();
            service = null;
        }
    }
}
