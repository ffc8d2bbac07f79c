package io.tokensockjs.rpc;

import io.tokensockjs.Socket;
import io.tokensockjs.json.SafeJsonb;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.util.function.Supplier;

/** Calls a controller method: binds its parameters from the socket and the request data, then invokes it. */
final class ControllerFunction implements RpcFunction {

    private final ControllerMethod spec;
    private final Supplier<Object> target;
    private final Jsonb jsonb;

    ControllerFunction(ControllerMethod spec, Supplier<Object> target, Jsonb jsonb) {
        this.spec = spec;
        this.target = target;
        this.jsonb = jsonb;
    }

    @Override
    public Object call(Socket socket, JsonValue data) throws Exception {
        Object[] args = new Object[spec.parameters().size()];
        Type[] types = spec.method().getGenericParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = switch (spec.parameters().get(i)) {
                case SOCKET -> socket;
                case AUTH_DATA -> bind(socket.authData(), types[i], "authentication data");
                case REQUEST_DATA -> bind(data, types[i], "request data");
            };
        }
        try {
            return spec.method().invoke(target.get(), args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }

    private Object bind(JsonValue value, Type type, String what) {
        if (type instanceof Class<?> c) {
            if (JsonValue.class.isAssignableFrom(c)) {
                if (!c.isInstance(value)) {
                    throw new InvalidRequestException(what + " is not a " + c.getSimpleName(), null);
                }
                return value;
            }
            if (c.isPrimitive() && value.getValueType() == JsonValue.ValueType.NULL) {
                throw new InvalidRequestException(what + " is missing", null);
            }
        }
        try {
            SafeJsonb.requireSaneNumbers(value);
            return jsonb.fromJson(value.toString(), type);
        } catch (RuntimeException e) {
            // Whatever the binding threw, the cause is the client's data.
            throw new InvalidRequestException(what + " does not bind to " + type.getTypeName(), e);
        }
    }

    @Override
    public String toString() {
        return spec.method().toGenericString();
    }
}
