package it.io.tokensockjs.redis;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A token socket on a bare TCP connection that sends what it must and then never reads a byte: its receive
 * window is tiny and soon full, so everything the server sends it piles up on the server's side (as
 * {@code it.io.tokensockjs.sockjs.hostile.RawClient} does for plain SockJS services).
 */
final class StalledSocket implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final OutputStream out;

    private StalledSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Opens the raw websocket of the token sockets, authenticates with the token, subscribes, and stops reading. */
    static StalledSocket subscribe(Node node, String token, String channel) {
        try {
            Socket socket = new Socket();
            // Before connecting, so that the window the server sees is small from the start.
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(Node.HOST, node.port), 10_000);
            StalledSocket stalled = new StalledSocket(socket);
            byte[] key = new byte[16];
            RANDOM.nextBytes(key);
            stalled.write(("GET " + node.base().getPath() + "/sockets/websocket HTTP/1.1\r\n"
                    + "Host: " + Node.HOST + ":" + node.port + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // The handshake's answer is read, as any client does: frames sent before it may arrive in the same read
            // as the upgrade request, and were seen to be lost then. Nothing is read after it.
            stalled.readHandshakeAnswer();
            stalled.sendText("{\"rpc\":\"auth\",\"token\":\"" + token + "\",\"uuid\":\"1\"}");
            stalled.sendText("{\"rpc\":\"_subscribe\",\"req\":{\"channel\":\"" + channel + "\"},\"uuid\":\"2\"}");
            return stalled;
        } catch (IOException e) {
            throw new AssertionError("cannot open the stalled socket: " + e, e);
        }
    }

    private void readHandshakeAnswer() throws IOException {
        socket.setSoTimeout(10_000);
        java.io.InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed during the handshake: " + head);
            }
            head.append((char) c);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("no websocket: " + head);
        }
    }

    /** Sends one masked websocket text frame, as a client must (payloads here are short). */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length >= 126) {
            throw new IllegalArgumentException("short frames only");
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        write(frame);
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
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
