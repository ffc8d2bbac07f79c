package io.tokensockjs.server;

import io.tokensockjs.SocketException;
import io.tokensockjs.json.SafeJsonb;
import io.tokensockjs.metrics.RpcOutcome;
import io.tokensockjs.metrics.TokenSocketMetrics;
import io.tokensockjs.tracing.SpanKind;
import io.tokensockjs.tracing.TraceSpan;
import io.tokensockjs.tracing.Tracing;
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
import java.util.concurrent.RejectedExecutionException;
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
    private final TokenSocketMetrics metrics;
    private final Tracing tracing;

    /** When a call started, and its span: what its end is measured against. */
    private record Measure(long startNanos, TraceSpan span) {
        static final Measure NONE = new Measure(0, TraceSpan.NONE);
    }

    CallInvoker(FunctionRegistry functions, Jsonb jsonb, Executor executor, Level messageLevel, TokenSocketMetrics metrics,
            Tracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.functions = functions;
        this.jsonb = jsonb;
        this.executor = executor;
        this.messageLevel = messageLevel;
    }

    /** Calls the function the request names and answers the client when it is done. */
    void call(SocketImpl socket, ClientRequest request) {
        RpcFunction function = functions.get(request.rpc());
        if (function == null) {
            metrics.serverCall(TokenSocketMetrics.UNKNOWN_FUNCTION, RpcOutcome.NOT_FOUND, 0);
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.FUNCTION_NOT_FOUND));
            return;
        }
        if (socket.callsInFlight().incrementAndGet() > MAX_CALLS_IN_FLIGHT) {
            socket.callsInFlight().decrementAndGet();
            metrics.serverCall(request.rpc(), RpcOutcome.REFUSED, 0);
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.TOO_MANY_REQUESTS));
            return;
        }
        // Timed from here: a call waiting for the executor is a slow call to the client that made it.
        Measure start = tracing.enabled()
                ? new Measure(System.nanoTime(), tracing.start("token-sockjs " + request.rpc(), SpanKind.SERVER, request.rpc()))
                : metrics.enabled() ? new Measure(System.nanoTime(), TraceSpan.NONE) : Measure.NONE;
        if (executor != null) {
            try {
                executor.execute(() -> invoke(function, socket, request, start));
            } catch (RejectedExecutionException e) {
                // Every thread busy and the queue full (a managed executor's bound): the caller hears so at once,
                // rather than waiting for an answer that never comes.
                LOG.log(Level.WARNING, () -> "socket " + socket.id() + ": " + request.rpc() + " refused: the executor rejected it (" + e.getMessage() + ")");
                socket.callsInFlight().decrementAndGet();
                record(request, RpcOutcome.REFUSED, start);
                socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.TOO_MANY_REQUESTS));
            }
        } else {
            // The thread that read the message already runs in the application's context, and a hand-off to the
            // managed executor (queue, wake-up, context capture) cost more than an echo function itself.
            invoke(function, socket, request, start);
        }
    }

    private void invoke(RpcFunction function, SocketImpl socket, ClientRequest request, Measure start) {
        Object result;
        try (TraceSpan.Scope scope = start.span().makeCurrent()) {
            result = function.call(socket, request.req());
        } catch (Exception | LinkageError e) {
            answerFailure(socket, request, e, start);
            return;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, failure) -> {
                if (failure != null) {
                    answerFailure(socket, request, failure, start);
                } else {
                    answerValue(socket, request, value, start);
                }
            });
        } else {
            answerValue(socket, request, result, start);
        }
    }

    private void answerValue(SocketImpl socket, ClientRequest request, Object value, Measure start) {
        socket.callsInFlight().decrementAndGet();
        String json;
        try {
            json = SafeJsonb.write(jsonb, value);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The answer of " + request.rpc() + " cannot be written as JSON", e);
            record(request, RpcOutcome.INTERNAL_ERROR, start);
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.INTERNAL_ERROR));
            return;
        }
        record(request, RpcOutcome.OK, start);
        socket.send(WireMessages.answer(request.rpc(), request.uuid(), json));
    }

    private void answerFailure(SocketImpl socket, ClientRequest request, Throwable failure, Measure start) {
        socket.callsInFlight().decrementAndGet();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String errorJson;
        if (cause instanceof SocketException socketException) {
            errorJson = errorOf(socketException);
            record(request, RpcOutcome.ERROR, start);
        } else if (cause instanceof InvalidRequestException) {
            LOG.log(messageLevel, () -> "socket " + socket.id() + ": " + request.rpc() + ": " + cause.getMessage());
            errorJson = JsonStrings.quote(ErrorCode.INVALID_REQUEST.wire());
            record(request, RpcOutcome.INVALID_REQUEST, start);
        } else {
            LOG.log(Level.WARNING, "Function " + request.rpc() + " failed", cause);
            errorJson = JsonStrings.quote(ErrorCode.INTERNAL_ERROR.wire());
            record(request, RpcOutcome.INTERNAL_ERROR, start);
        }
        socket.send(WireMessages.error(request.rpc(), request.uuid(), errorJson));
    }

    /** Recorded before the answer is sent: a client that has its answer finds the call counted. */
    private void record(ClientRequest request, RpcOutcome outcome, Measure start) {
        if (metrics.enabled()) {
            metrics.serverCall(request.rpc(), outcome, System.nanoTime() - start.startNanos());
        }
        start.span().end(outcome.label(), outcome != RpcOutcome.OK && outcome != RpcOutcome.ERROR);
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
