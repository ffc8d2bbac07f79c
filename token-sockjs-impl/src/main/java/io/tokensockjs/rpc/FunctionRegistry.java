package io.tokensockjs.rpc;

import io.tokensockjs.SocketFunction;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.json.JsonCodec;
import io.tokensockjs.rpc.SocketControllerExtension;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The functions clients can call: the controller methods found at deployment, and the functions added at run
 * time.
 */
@ApplicationScoped
public class FunctionRegistry {

    @Inject
    SocketControllerExtension extension;

    @Inject
    BeanManager beans;

    @Inject
    TokenSockJsConfig config;

    @Inject
    RouteBase routeBase;

    @Inject
    JsonCodec json;

    private final Map<String, RpcFunction> functions = new ConcurrentHashMap<>();
    private Jsonb jsonb;
    private HttpClient http;

    @PostConstruct
    void init() {
        jsonb = json.jsonb();
        for (SocketControllerExtension.Controller controller : extension.controllers()) {
            Supplier<Object> target = reference(controller.bean());
            for (ControllerMethod method : controller.methods()) {
                functions.put(method.name(), new ControllerFunction(method, target, jsonb));
            }
        }
        config.routes().forEach(this::putRoute);
    }

    /** Offers an HTTP route of the application as a function: {@code spec} is {@code METHOD /path/{param}}. */
    public void putRoute(String name, String spec) {
        if (functions.containsKey(name)) {
            throw new IllegalStateException("Route function " + name + " would replace a controller function");
        }
        checkName(name);
        functions.put(name, RouteFunction.parse(spec, routeBase, routeClient(), config.rpcTimeout()));
    }

    private synchronized HttpClient routeClient() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(config.rpcTimeout()).build();
        }
        return http;
    }

    /** The function with this name, or null. */
    public RpcFunction get(String name) {
        return functions.get(name);
    }

    /** Adds or replaces a function. */
    public void put(String name, SocketFunction function) {
        checkName(name);
        functions.put(name, function::call);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.startsWith("_") || name.equals("auth")) {
            throw new IllegalArgumentException("Not a function name clients may call: " + name);
        }
    }

    public boolean remove(String name) {
        return functions.remove(name) != null;
    }

    public Set<String> names() {
        return new TreeSet<>(functions.keySet());
    }

    private Supplier<Object> reference(Bean<?> bean) {
        // The contextual reference of an application-scoped bean is a client proxy: fetch it once, lazily.
        return new Supplier<>() {
            private volatile Object reference;

            @Override
            public Object get() {
                Object current = reference;
                if (current == null) {
                    current = beans.getReference(bean, bean.getBeanClass(), beans.createCreationalContext(bean));
                    reference = current;
                }
                return current;
            }
        };
    }

    /**
     * This bean itself, not its client proxy: called through the proxy once, it gives the per-message path a plain
     * reference (why that is safe: the package-info of {@code io.tokensockjs.server}). Wrapped, because Weld's proxy
     * hands back itself for a method that returns {@code this}.
     */
    public Supplier<FunctionRegistry> unproxied() {
        FunctionRegistry self = this;
        return () -> self;
    }
}
