package io.tokensockjs.it.app.token;

import io.tokensockjs.SocketController;
import io.tokensockjs.SocketException;
import io.tokensockjs.TokenSocketServer;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.util.Set;

/**
 * {@code runtime.*}: changes the server's functions while it runs, through the public API, as an application would
 * ({@code addFunction}, {@code removeFunction}, {@code addRoute}, {@code functions}).
 */
@SocketController("runtime")
public class RuntimeController {

    /** A function name and the route it offers. */
    public record Route(String function, String route) {
    }

    @Inject
    TokenSocketServer server;

    /** Adds a function that answers {@code {"added":NAME,"data":DATA,"socket":ID}}. */
    public boolean add(String name) {
        try {
            server.addFunction(name, (socket, data) -> Json.createObjectBuilder().add("added", name).add("data", data)
                    .add("socket", socket.id()).build());
        } catch (IllegalArgumentException e) {
            throw new SocketException(e.getMessage());
        }
        return true;
    }

    public boolean remove(String name) {
        return server.removeFunction(name);
    }

    public boolean addRoute(Route route) {
        try {
            server.addRoute(route.function(), route.route());
        } catch (RuntimeException e) {
            throw new SocketException(e.getMessage());
        }
        return true;
    }

    public boolean has(String name) {
        Set<String> functions = server.functions();
        return functions.contains(name);
    }

    /** A function name and the constant it answers. */
    public record Constant(String function, String answer) {
    }

    /** Adds (or replaces) a function that always answers the same string. */
    public boolean addConstant(Constant constant) {
        server.addFunction(constant.function(), (socket, data) -> constant.answer());
        return true;
    }
}
