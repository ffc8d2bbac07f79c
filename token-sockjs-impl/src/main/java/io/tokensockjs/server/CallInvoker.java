package io.tokensockjs.server;

import io.tokensockjs.SocketException;
import io.tokensockjs.json.SafeJsonb;
import io.tokensockjs.protocol.ClientRequest;
import io.tokensockjs.protocol.ErrorCode;
import io.tokensockjs.protocol.WireMessages;
import io.tokensockjs.rpc.FunctionRegistry;
import io.tokensockjs.rpc.InvalidRequestException;
import io.tokensockjs.rpc.RpcFunction;
import io.tokensockjs.sockjs.frame.JsonStrings;

import jakarta.json.bind.Jsonb;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls of functions by clients: finds the function, bounds the calls in flight per socket, runs it (on the reading
 * thread, or on the executor), and answers its value, or its failure mapped to the stable errors: an application's
 * {@link SocketException} as its error, data that does not bind as {@code "Invalid request data"}, anything else as
 * {@code "Internal error"} (and logged). Not a bean: it is on every call's path, where a proxy call would cost.
 */
final class CallInvoker {

    private static final Logger LOG = Logger.getLogger(CallInvoker.class.getName());

    /** Calls one socket may have unanswered at once; more are refused, so one client cannot pile up pending work. */
    static final int MAX_CALLS_IN_FLIGHT = 64;

    private final FunctionRegistry functions;
    private final Jsonb jsonb;
    /** Where functions run; null to run them on the thread that read the message. */
    private final Executor executor;
    private final Level messageLevel;

    CallInvoker(FunctionRegistry functions, Jsonb jsonb, Executor executor, Level messageLevel) {
        this.functions = functions;
        this.jsonb = jsonb;
        this.executor = executor;
        this.messageLevel = messageLevel;
    }

    /** Calls the function the request names and answers the client when it is done. */
    void call(SocketImpl socket, ClientRequest request) {
        RpcFunction function = functions.get(request.rpc());
        if (function == null) {
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.FUNCTION_NOT_FOUND));
            return;
        }
        if (socket.callsInFlight().incrementAndGet() > MAX_CALLS_IN_FLIGHT) {
            socket.callsInFlight().decrementAndGet();
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.TOO_MANY_REQUESTS));
            return;
        }
        if (executor != null) {
            executor.execute(() -> invoke(function, socket, request));
        } else {
            // The thread that read the message already runs in the application's context, and a hand-off to the
            // managed executor (queue, wake-up, context capture) cost more than an echo function itself.
            invoke(function, socket, request);
        }
    }

    private void invoke(RpcFunction function, SocketImpl socket, ClientRequest request) {
        Object result;
        try {
            result = function.call(socket, request.req());
        } catch (Exception | LinkageError e) {
            answerFailure(socket, request, e);
            return;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, failure) -> {
                if (failure != null) {
                    answerFailure(socket, request, failure);
                } else {
                    answerValue(socket, request, value);
                }
            });
        } else {
            answerValue(socket, request, result);
        }
    }

    private void answerValue(SocketImpl socket, ClientRequest request, Object value) {
        socket.callsInFlight().decrementAndGet();
        String json;
        try {
            json = SafeJsonb.write(jsonb, value);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The answer of " + request.rpc() + " cannot be written as JSON", e);
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.INTERNAL_ERROR));
            return;
        }
        socket.send(WireMessages.answer(request.rpc(), request.uuid(), json));
    }

    private void answerFailure(SocketImpl socket, ClientRequest request, Throwable failure) {
        socket.callsInFlight().decrementAndGet();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String errorJson;
        if (cause instanceof SocketException socketException) {
            errorJson = errorOf(socketException);
        } else if (cause instanceof InvalidRequestException) {
            LOG.log(messageLevel, () -> "socket " + socket.id() + ": " + request.rpc() + ": " + cause.getMessage());
            errorJson = JsonStrings.quote(ErrorCode.INVALID_REQUEST.wire());
        } else {
            LOG.log(Level.WARNING, "Function " + request.rpc() + " failed", cause);
            errorJson = JsonStrings.quote(ErrorCode.INTERNAL_ERROR.wire());
        }
        socket.send(WireMessages.error(request.rpc(), request.uuid(), errorJson));
    }

    /** The exception's error value as JSON, or its message when the value cannot be written. */
    private String errorOf(SocketException exception) {
        try {
            return SafeJsonb.write(jsonb, exception.error());
        } catch (RuntimeException e) {
            return JsonStrings.quote(String.valueOf(exception.getMessage()));
        }
    }
}
