package io.tokensockjs.server;

import io.tokensockjs.metrics.TokenSocketMetrics;
import io.tokensockjs.protocol.ClientRequest;
import io.tokensockjs.protocol.MessageFields;
import io.tokensockjs.rpc.FunctionRegistry;
import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.ReadyState;
import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsMessage;
import io.tokensockjs.tracing.Tracing;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A call the executor refuses is answered at once, and does not count as in flight forever. */
class CallInvokerTest {

    private final Jsonb jsonb = JsonbBuilder.create();
    private final RecordingConnection connection = new RecordingConnection();

    @AfterEach
    void closeJsonb() throws Exception {
        jsonb.close();
    }

    @Test
    void aCallTheExecutorRejectsIsAnsweredTooManyRequests() {
        Executor full = command -> {
            throw new RejectedExecutionException("all 200 threads busy");
        };
        FunctionRegistry functions = new FunctionRegistry();
        functions.put("echo", (socket, data) -> data);
        SocketImpl socket = new SocketImpl(connection, jsonb, 16, Runnable::run, new TokenSocketMetrics(), new Tracing());
        CallInvoker calls = new CallInvoker(functions, jsonb, full, Level.FINE, new TokenSocketMetrics(), new Tracing());

        calls.call(socket, request("{\"rpc\":\"echo\",\"uuid\":\"u1\",\"req\":{\"a\":1}}"));

        assertEquals(List.of("{\"rpc\":\"echo\",\"uuid\":\"u1\",\"error\":\"Too many requests\"}"), connection.written);
        assertEquals(0, socket.callsInFlight().get(), "the refused call is not left in flight");
    }

    @Test
    void aCallTheExecutorTakesIsAnswered() {
        FunctionRegistry functions = new FunctionRegistry();
        functions.put("echo", (socket, data) -> data);
        SocketImpl socket = new SocketImpl(connection, jsonb, 16, Runnable::run, new TokenSocketMetrics(), new Tracing());
        CallInvoker calls = new CallInvoker(functions, jsonb, Runnable::run, Level.FINE, new TokenSocketMetrics(), new Tracing());

        calls.call(socket, request("{\"rpc\":\"echo\",\"uuid\":\"u1\",\"req\":{\"a\":1}}"));

        assertEquals(List.of("{\"rpc\":\"echo\",\"uuid\":\"u1\",\"resp\":{\"a\":1}}"), connection.written);
        assertEquals(0, socket.callsInFlight().get());
    }

    private static ClientRequest request(String text) {
        return ClientRequest.of(MessageFields.parse(text));
    }

    /** A connection that keeps what is written to it. */
    private static final class RecordingConnection implements SockJsConnection {
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override public String id() { return "c1"; }
        @Override public String remoteAddress() { return "127.0.0.1"; }
        @Override public int remotePort() { return 1; }
        @Override public Map<String, List<String>> headers() { return Map.of(); }
        @Override public String url() { return "/sockets/websocket"; }
        @Override public String pathname() { return "/sockets/websocket"; }
        @Override public String prefix() { return "/sockets"; }
        @Override public String protocol() { return "websocket"; }
        @Override public ReadyState readyState() { return ReadyState.OPEN; }

        @Override
        public boolean write(SockJsMessage message) {
            written.add(message.text());
            return true;
        }

        @Override
        public void close(CloseStatus status) {
            written.add("closed " + status.code());
        }

        @Override
        public boolean writeAndClose(SockJsMessage last, CloseStatus status) {
            write(last);
            close(status);
            return true;
        }
    }
}
