package it.io.tokensockjs.sockjs.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A client on a bare socket that sends requests and frames but never reads a byte of what the server sends:
 * its receive window stays tiny and soon full, so everything the server writes piles up on the server's side.
 * Only {@link #readToEnd} reads, for tests of how the server ends a connection.
 */
final class RawClient implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    static RawClient connect() {
        try {
            Socket socket = new Socket();
            // Set before connecting, so that the window the server sees is small from the start.
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(ItServer.HOST, ItServer.PORT), 10_000);
            return new RawClient(socket);
        } catch (IOException e) {
            throw new AssertionError("cannot connect: " + e, e);
        }
    }

    /** Starts an xhr_streaming request for the session and reads nothing of its answer. */
    static RawClient xhrStreaming(String service, String session) {
        RawClient client = connect();
        client.write(("POST " + ItServer.CONTEXT_ROOT + ItServer.sessionPath(service, session, "xhr_streaming") + " HTTP/1.1\r\n"
                + "Host: " + ItServer.HOST + ":" + ItServer.PORT + "\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return client;
    }

    /**
     * Opens a framed SockJS websocket for a new session and reads only the handshake answer, nothing after it:
     * frames sent before the 101 may reach Liberty in the same read as the upgrade request and be lost with the
     * connection, which would make the test about something else.
     */
    static RawClient websocket(String service) {
        RawClient client = connect();
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        client.write(("GET " + ItServer.CONTEXT_ROOT + ItServer.sessionPath(service, ItServer.newSessionId(), "websocket")
                + " HTTP/1.1\r\n"
                + "Host: " + ItServer.HOST + ":" + ItServer.PORT + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        client.readHandshakeAnswer();
        return client;
    }

    /** Reads the HTTP answer head byte by byte (so nothing after it is consumed) and requires 101. */
    private void readHandshakeAnswer() {
        try {
            socket.setSoTimeout(10_000);
            java.io.InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("connection closed during the websocket handshake: " + head);
                }
                head.append((char) b);
            }
            if (!head.toString().startsWith("HTTP/1.1 101")) {
                throw new AssertionError("websocket handshake refused: " + head);
            }
        } catch (IOException e) {
            throw new AssertionError("websocket handshake failed: " + e, e);
        }
    }

    /** Sends one masked websocket text frame, as a client must. */
    void sendTextFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        int headerLength = payload.length < 126 ? 2 : payload.length < 65_536 ? 4 : 10;
        byte[] frame = new byte[headerLength + 4 + payload.length];
        frame[0] = (byte) 0x81;
        if (payload.length < 126) {
            frame[1] = (byte) (0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >>> 8);
            frame[3] = (byte) payload.length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            long length = payload.length;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) (length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(mask, 0, frame, headerLength, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[headerLength + 4 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        write(frame);
    }

    void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new AssertionError("write failed: " + e, e);
        }
    }

    /**
     * For a test of how the server ends the connection: everything the server sends from now on, read until it ends
     * the connection (end of stream or reset).
     *
     * @throws AssertionError when the connection is still open after {@code bound}
     */
    byte[] readToEnd(java.time.Duration bound) {
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        long deadline = System.nanoTime() + bound.toNanos();
        byte[] buffer = new byte[4096];
        try {
            java.io.InputStream in = socket.getInputStream();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the server did not end the connection within " + bound + "; received "
                            + received.size() + " bytes");
                }
                socket.setSoTimeout((int) Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left)));
                int n = in.read(buffer);
                if (n < 0) {
                    return received.toByteArray();
                }
                received.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server did not end the connection within " + bound + "; received "
                    + received.size() + " bytes", e);
        } catch (IOException e) {
            // A reset ends the connection too.
            return received.toByteArray();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that is wanted.
        }
    }
}
