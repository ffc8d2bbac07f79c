package it.io.tokensockjs.sockjs.hostile;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A websocket client that reads everything the server sends into a queue and remembers how the socket ended:
 * a close frame's code, or {@link #ABORTED} when the connection broke without one.
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    static final int ABORTED = -1;

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String closeReason = "";
    private WebSocket socket;

    private WsClient() {
    }

    static WsClient open(String path) {
        WsClient client = new WsClient();
        try {
            client.socket = ItServer.http().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(ItServer.wsUri(path), client)
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("websocket " + path + " did not open: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return client;
    }

    /** Opens a framed SockJS websocket session and checks its open frame. */
    static WsClient openSession(String service) {
        WsClient client = open(ItServer.sessionPath(service, ItServer.newSessionId(), "websocket"));
        String first = client.next(Duration.ofSeconds(30));
        if (!"o".equals(first)) {
            client.close();
            throw new AssertionError("expected the open frame, got " + first);
        }
        return client;
    }

    /** The next message, or null when none came within the bound. */
    String next(Duration bound) {
        try {
            return messages.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The next message that is not a heartbeat, or null. */
    String nextFrame(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        for (int round = 0; round < 10_000; round++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            String frame = next(Duration.ofNanos(left));
            if (frame == null || !frame.equals("h")) {
                return frame;
            }
        }
        return null;
    }

    /** Sends one text message; false when the socket is already closed or the send failed. */
    boolean send(String text) {
        try {
            socket.sendText(text, true).get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    boolean sendBinary(byte[] data) {
        try {
            socket.sendBinary(ByteBuffer.wrap(data), true).get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** How the socket ended: a close code, or {@link #ABORTED}; null when it is still open after the bound. */
    Integer awaitClosed(Duration bound) {
        try {
            return closed.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String closeReason() {
        return closeReason;
    }

    /** Every message received and not yet taken. */
    java.util.List<String> drain() {
        java.util.List<String> rest = new java.util.ArrayList<>();
        messages.drainTo(rest);
        return rest;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(ABORTED);
    }

    @Override
    public void close() {
        if (socket != null && !closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(10, TimeUnit.SECONDS);
            if (awaitClosed(Duration.ofSeconds(10)) == null) {
                socket.abort();
            }
        }
    }
}
