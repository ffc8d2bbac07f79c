package it.io.tokensockjs.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare websocket to the token sockets' raw endpoint, for sending what no proper client would. */
final class RawSocket implements AutoCloseable {

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    RawSocket() {
        this("/sockets/websocket");
    }

    /** A bare websocket to another websocket path of the test application (below its context root). */
    RawSocket(String path) {
        URI uri = URI.create(TokenServer.BASE.replaceFirst("^http", "ws") + path);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.complete(1006);
                    }
                }).join();
    }

    /**
     * A raw socket that has passed the handshake as a logged-in user: what the server writes to it can be read
     * byte for byte, with no client in between that might interpret (or invent) anything.
     */
    static RawSocket authenticated(String user, String role) throws Exception {
        String token = TokenServer.client(user, role).requestToken().toCompletableFuture().join();
        RawSocket socket = new RawSocket();
        socket.send("{\"rpc\":\"auth\",\"uuid\":\"auth-1\",\"token\":\"" + token + "\"}");
        String answer = socket.next();
        if (!answer.equals("{\"rpc\":\"auth\",\"uuid\":\"auth-1\",\"resp\":\"success\"}")) {
            socket.close();
            throw new AssertionError("handshake failed: " + answer);
        }
        return socket;
    }

    /** Sends one text message and waits until it is handed to the network. */
    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message, or fails after ten seconds. */
    String next() throws InterruptedException {
        String message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within 10 s");
        }
        return message;
    }

    int awaitClose() throws Exception {
        return closed.get(15, TimeUnit.SECONDS);
    }

    /** Drops the connection without a close frame, as a client that vanishes does. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
    }
}
