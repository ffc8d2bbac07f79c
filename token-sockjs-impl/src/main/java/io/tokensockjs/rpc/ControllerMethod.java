package io.tokensockjs.rpc;

import io.tokensockjs.AuthData;
import io.tokensockjs.NotRpc;
import io.tokensockjs.Socket;
import io.tokensockjs.SocketController;

import jakarta.json.JsonValue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One public method of a {@link SocketController} class, checked once at deployment: its function name and what
 * each parameter receives.
 *
 * @param name       the function name, {@code namespace.method}
 * @param method     the method
 * @param parameters what each parameter receives, in order
 */
public record ControllerMethod(String name, Method method, List<ParameterKind> parameters) {

    /** What a parameter of a controller method receives. */
    public enum ParameterKind { SOCKET, AUTH_DATA, REQUEST_DATA }

    /** Names that belong to the protocol itself. */
    private static final Set<String> RESERVED = Set.of("auth");

    /** The result of scanning a class: its functions, or why it cannot be a controller. */
    public record Scan(List<ControllerMethod> methods, List<String> problems) {
    }

    /** Finds and checks the functions of a controller class. */
    public static Scan scan(Class<?> controller) {
        SocketController annotation = controller.getAnnotation(SocketController.class);
        String namespace = annotation == null ? "" : annotation.value().trim();
        List<ControllerMethod> methods = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!namespace.isEmpty() && !isName(namespace)) {
            problems.add(controller.getName() + ": namespace '" + namespace + "' is not a dotted name of letters, digits and _");
        }
        for (Method method : controller.getMethods()) {
            if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())
                    || method.isSynthetic() || method.isBridge() || method.isAnnotationPresent(NotRpc.class)) {
                continue;
            }
            String name = namespace.isEmpty() ? method.getName() : namespace + "." + method.getName();
            String where = controller.getName() + "." + method.getName();
            if (name.startsWith("_") || RESERVED.contains(name)) {
                problems.add(where + ": function name '" + name + "' is reserved by the protocol");
                continue;
            }
            List<ParameterKind> kinds = new ArrayList<>();
            int dataParameters = 0;
            for (Parameter parameter : method.getParameters()) {
                if (parameter.isAnnotationPresent(AuthData.class)) {
                    kinds.add(ParameterKind.AUTH_DATA);
                } else if (parameter.getType() == Socket.class) {
                    kinds.add(ParameterKind.SOCKET);
                } else {
                    kinds.add(ParameterKind.REQUEST_DATA);
                    dataParameters++;
                }
            }
            if (dataParameters > 1) {
                problems.add(where + ": more than one parameter for the request data; a function takes at most one, "
                        + "plus optionally the Socket and an @AuthData parameter");
                continue;
            }
            if (kinds.stream().filter(k -> k == ParameterKind.SOCKET).count() > 1
                    || kinds.stream().filter(k -> k == ParameterKind.AUTH_DATA).count() > 1) {
                problems.add(where + ": the Socket and @AuthData parameters may appear once each");
                continue;
            }
            if (methods.stream().anyMatch(existing -> existing.name().equals(name))) {
                problems.add(where + ": function name '" + name + "' is declared twice (overloads cannot be told apart on the wire)");
                continue;
            }
            methods.add(new ControllerMethod(name, method, List.copyOf(kinds)));
        }
        return new Scan(methods, problems);
    }

    /** The generic type of the request-data parameter, or null when the method takes none. */
    public Type requestType() {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == ParameterKind.REQUEST_DATA) {
                return method.getGenericParameterTypes()[i];
            }
        }
        return null;
    }

    /** Whether the request data is taken as JSON-P value rather than bound. */
    public boolean takesJsonValue() {
        Type type = requestType();
        return type instanceof Class<?> c && JsonValue.class.isAssignableFrom(c);
    }

    static boolean isName(String name) {
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty()) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                    return false;
                }
            }
        }
        return true;
    }
}
