package io.tokensockjs.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted token-sockjs server for the client's tests: a real HTTP/1.1 and RFC 6455 websocket server on loopback
 * (plain sockets, no library), serving the token route at {@code /app/socket/token} and SockJS websocket sessions at
 * {@code /app/sockets/<server>/<session>/websocket}. The test plays the server: it scripts the token answers, takes
 * each websocket as a {@link FakeSocket}, reads what the client sent and writes what the server would.
 */
final class FakeServer implements AutoCloseable {

    static final String CONTEXT = "/app";
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    static final long WAIT_SECONDS = 10;

    /** A request the server received: its path with query and its headers (names in lower case). */
    record Request(String target, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A scripted answer of the token route. */
    record TokenAnswer(int status, String body) {
        static TokenAnswer token(String token) {
            return new TokenAnswer(200, "{\"token\":\"" + token + "\"}");
        }
    }

    private final ServerSocket listener;
    private final Deque<TokenAnswer> tokenAnswers = new ArrayDeque<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final BlockingQueue<Request> tokenRequests = new LinkedBlockingQueue<>();
    private final BlockingQueue<FakeSocket> sockets = new LinkedBlockingQueue<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile boolean refuseWebSockets;
    private volatile boolean sendOpenFrame = true;

    FakeServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-server-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + CONTEXT);
    }

    /** The next token requests get these answers, in order; after them each gets a fresh token {@code t1, t2...}. */
    void tokenAnswers(TokenAnswer... answers) {
        synchronized (tokenAnswers) {
            tokenAnswers.addAll(List.of(answers));
        }
    }

    /** How many tokens the default answer issued. */
    int tokensIssued() {
        return tokensIssued.get();
    }

    /** Websocket handshakes are answered 404. */
    void refuseWebSockets() {
        refuseWebSockets = true;
    }

    /** Websockets open without the SockJS {@code o} frame; the test sends what it likes. */
    void withoutOpenFrame() {
        sendOpenFrame = false;
    }

    Request awaitTokenRequest() throws InterruptedException {
        return require(tokenRequests.poll(WAIT_SECONDS, TimeUnit.SECONDS), "no token request");
    }

    FakeSocket awaitSocket() throws InterruptedException {
        return require(sockets.poll(WAIT_SECONDS, TimeUnit.SECONDS), "no websocket");
    }

    /** The next websocket, after checking its auth message (any token) and answering {@code success}. */
    FakeSocket awaitAuthenticated() throws Exception {
        FakeSocket socket = awaitSocket();
        socket.acceptAuth();
        return socket;
    }

    /** No websocket is waiting to be taken. */
    boolean noSocketWaiting() {
        return sockets.isEmpty();
    }

    static <T> T require(T value, String what) {
        if (value == null) {
            throw new AssertionError(what + " within " + WAIT_SECONDS + " s");
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connections.add(connection);
                Thread thread = new Thread(() -> serve(connection), "fake-server-connection");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            Request request = readRequest(in);
            String path = request.target().split("\\?", 2)[0];
            if (path.equals(CONTEXT + "/socket/token")) {
                tokenRequests.add(request);
                TokenAnswer answer;
                synchronized (tokenAnswers) {
                    answer = tokenAnswers.poll();
                }
                if (answer == null) {
                    answer = TokenAnswer.token("t" + tokensIssued.incrementAndGet());
                }
                respond(out, answer.status(), answer.body());
                connection.close();
            } else if ("websocket".equalsIgnoreCase(request.header("upgrade"))
                    && path.matches(CONTEXT + "/sockets/[^/.]+/[^/.]+/websocket") && !refuseWebSockets) {
                String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((request.header("sec-websocket-key") + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII)));
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                FakeSocket socket = new FakeSocket(connection, request);
                if (sendOpenFrame) {
                    socket.sendFrame("o");
                }
                sockets.add(socket);
                socket.readUntilClosed();
            } else {
                respond(out, 404, "Not found");
                connection.close();
            }
        } catch (Exception e) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private static void respond(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " Scripted\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static Request readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("request ended in its head");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new Request(lines[0].split(" ")[1], headers);
    }
}
