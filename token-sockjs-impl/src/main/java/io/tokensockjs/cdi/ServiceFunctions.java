package io.tokensockjs.cdi;

import io.tokensockjs.sockjs.JsessionidCookie;
import io.tokensockjs.sockjs.SockJsEndpoint;
import io.tokensockjs.sockjs.SockJsLog;
import io.tokensockjs.sockjs.SockJsOptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The application's beans that stand where sockjs-node takes a function ({@link JsessionidCookie} for
 * {@code jsessionid}, {@link SockJsLog} for {@code log}): for each service, the bean annotated
 * {@link SockJsEndpoint} with the service's name, else the one that names no service. Two candidates for one
 * place fail the start with a message naming them.
 */
@ApplicationScoped
public class ServiceFunctions {

    @Inject
    @Any
    Instance<JsessionidCookie> cookies;

    @Inject
    @Any
    Instance<SockJsLog> logs;

    /** The options with the service's functions, where the application gave any. */
    SockJsOptions apply(SockJsOptions options, String service) {
        JsessionidCookie cookie = forService(cookies, service, JsessionidCookie.class);
        SockJsLog log = forService(logs, service, SockJsLog.class);
        SockJsOptions applied = options;
        if (cookie != null) {
            applied = applied.withJsessionidFunction(cookie);
        }
        if (log != null) {
            applied = applied.withLogFunction(log);
        }
        return applied;
    }

    private static <T> T forService(Instance<T> beans, String service, Class<T> type) {
        Instance.Handle<T> specific = null;
        Instance.Handle<T> general = null;
        for (Instance.Handle<T> handle : beans.handles()) {
            SockJsEndpoint endpoint = handle.getBean().getBeanClass().getAnnotation(SockJsEndpoint.class);
            if (endpoint == null) {
                general = single(general, handle, type, "every service");
            } else if (endpoint.value().equals(service)) {
                specific = single(specific, handle, type, "SockJS service " + service);
            }
        }
        Instance.Handle<T> chosen = specific != null ? specific : general;
        return chosen == null ? null : chosen.get();
    }

    private static <T> Instance.Handle<T> single(Instance.Handle<T> found, Instance.Handle<T> another, Class<T> type, String where) {
        if (found != null) {
            throw new IllegalStateException("Two " + type.getSimpleName() + " beans for " + where + ": "
                    + found.getBean().getBeanClass().getName() + " and " + another.getBean().getBeanClass().getName());
        }
        return another;
    }
}
