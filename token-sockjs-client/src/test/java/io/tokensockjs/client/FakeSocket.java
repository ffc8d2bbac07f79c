package io.tokensockjs.client;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One websocket of the {@link FakeServer}, the server's end of a SockJS session: what the client sent, message by
 * message, and the server's frames, written by the test.
 */
final class FakeSocket {

    private final Socket connection;
    private final FakeServer.Request handshake;
    private final OutputStream out;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> rawFrames = new LinkedBlockingQueue<>();
    /** The close code the client sent, or -1 when the connection ended without a close frame. */
    private final CompletableFuture<Integer> clientClose = new CompletableFuture<>();

    FakeSocket(Socket connection, FakeServer.Request handshake) throws IOException {
        this.connection = connection;
        this.handshake = handshake;
        this.out = connection.getOutputStream();
    }

    FakeServer.Request handshake() {
        return handshake;
    }

    // ---- what the client sent ------------------------------------------------------------------------------------

    /** The next message the client sent (one string of a SockJS frame), as a JSON object. */
    JsonObject next() throws InterruptedException {
        return Json.createReader(new StringReader(nextText())).readObject();
    }

    /** The next message the client sent, as text. */
    String nextText() throws InterruptedException {
        return FakeServer.require(received.poll(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS), "no message from the client");
    }

    /** The next message, which must be a request for this rpc. */
    JsonObject next(String rpc) throws InterruptedException {
        JsonObject message = next();
        if (!rpc.equals(message.getString("rpc", null))) {
            throw new AssertionError("expected a " + rpc + " request, got " + message);
        }
        return message;
    }

    /** The next websocket text message as it came, before SockJS unframing. */
    String nextRawFrame() throws InterruptedException {
        return FakeServer.require(rawFrames.poll(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS), "no frame from the client");
    }

    /** Whether the client sent nothing that was not read yet. */
    boolean nothingReceived() {
        return received.isEmpty();
    }

    /** Reads the auth request and answers {@code success}; returns its token. */
    String acceptAuth() throws Exception {
        JsonObject auth = next("auth");
        answer(auth, Json.createValue("success"));
        return auth.getString("token");
    }

    /** Waits until the client closes: its close code, or -1 when it dropped the connection. */
    int awaitClientClose() throws Exception {
        return clientClose.get(FakeServer.WAIT_SECONDS, TimeUnit.SECONDS);
    }

    // ---- what the server sends -------------------------------------------------------------------------------------

    /** {@code {"rpc":R,"uuid":U,"resp":RESP}} for the request. */
    void answer(JsonObject request, JsonValue resp) throws IOException {
        send(Json.createObjectBuilder().add("rpc", request.getString("rpc")).add("uuid", request.get("uuid")).add("resp", resp).build());
    }

    /** {@code {"rpc":R,"uuid":U,"error":E}} for the request. */
    void error(JsonObject request, String error) throws IOException {
        send(Json.createObjectBuilder().add("rpc", request.getString("rpc")).add("uuid", request.get("uuid")).add("error", error).build());
    }

    /** {@code {"internal":true,"command":C,"data":D}}. */
    void internal(String command, JsonObject data) throws IOException {
        send(Json.createObjectBuilder().add("internal", true).add("command", command).add("data", data).build());
    }

    /** One message in its own {@code a[...]} frame. */
    void send(JsonValue message) throws IOException {
        sendMessages(message.toString());
    }

    /** Several message texts in one {@code a[...]} frame, escaped as the real server escapes them. */
    void sendMessages(String... messages) throws IOException {
        sendFrame("a" + SockJsFrames.encode(List.of(messages)));
    }

    /** A websocket text message, exactly as given. */
    synchronized void sendFrame(String text) throws IOException {
        writeFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    synchronized void sendBinary(byte[] data) throws IOException {
        writeFrame(0x2, data);
    }

    /** The SockJS close frame, then the websocket close with the same code, as the real server does. */
    synchronized void close(int code, String reason) throws IOException {
        sendFrame("c[" + code + "," + Json.createValue(reason) + "]");
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        writeFrame(0x8, ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text).array());
    }

    /**
     * Resets the TCP connection without any close, as a dead link does. (After a plain FIN instead, JDK 17's websocket
     * sometimes never reports the end: only the {@code _ping} keep-alive finds such a connection dead.)
     */
    void drop() throws IOException {
        connection.setSoLinger(true, 0);
        connection.close();
    }

    /** Ends the TCP connection with a plain FIN and nothing else, as a crashed server process's kernel does. */
    void vanish() throws IOException {
        connection.shutdownOutput();
        connection.close();
    }

    private void writeFrame(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65536) {
            frame.write(126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(127);
            frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        frame.writeBytes(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    // ---- reading -----------------------------------------------------------------------------------------------------

    void readUntilClosed() {
        try {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                boolean fin = (first & 0x80) != 0;
                int opcode = first & 0x0f;
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] mask = new byte[4];
                if ((second & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                switch (opcode) {
                    case 0x0, 0x1 -> {
                        message.writeBytes(payload);
                        if (fin) {
                            textMessage(message.toString(StandardCharsets.UTF_8));
                            message.reset();
                        }
                    }
                    case 0x8 -> {
                        int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                        clientClose.complete(code);
                        synchronized (this) {
                            writeFrame(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                        }
                        connection.close();
                        return;
                    }
                    case 0x9 -> {
                        synchronized (this) {
                            writeFrame(0xA, payload);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            clientClose.complete(-1);
        }
    }

    private void textMessage(String text) {
        rawFrames.add(text);
        if (text.isEmpty()) {
            return;
        }
        JsonValue frame = Json.createReader(new StringReader(text)).readValue();
        if (frame instanceof JsonArray array) {
            for (JsonValue value : array) {
                received.add(((JsonString) value).getString());
            }
        } else {
            received.add(((JsonString) frame).getString());
        }
    }
}
