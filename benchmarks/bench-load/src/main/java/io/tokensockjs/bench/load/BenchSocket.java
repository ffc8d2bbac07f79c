package io.tokensockjs.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One token-sockjs client connection, as {@code token-sockjs-client} makes it in a browser: a token from the
 * token route, then, on the same keep-alive connection, the SockJS websocket transport
 * ({@code <prefix>/<server>/<session>/websocket}), the auth message, then whatever the scenario sends. It lives
 * on one {@link EventLoop} and is only touched from its thread.
 */
final class BenchSocket implements EventLoop.Handler {

    /** What a scenario does with a socket. Called on the socket's loop. */
    interface Listener {
        /** Authenticated: the socket may call functions now. */
        void ready(BenchSocket socket);

        /** A message from the server (an answer, a channel message, an internal message). */
        void message(BenchSocket socket, String json);

        /** The socket is gone (never ready, closed by the server, or failed): {@code why} says how. */
        void closed(BenchSocket socket, String why);
    }

    private enum State { CONNECTING, TOKEN, UPGRADE, SOCKJS_OPEN, AUTH, READY, CLOSED }

    private static final String AUTH_UUID = "auth";

    final EventLoop loop;
    private final Target target;
    private final Listener listener;
    private SocketChannel channel;
    private SelectionKey key;
    private State state = State.CONNECTING;
    private String token;
    /** The bytes of a frame or response not complete yet; null when none. */
    private byte[] leftover;
    private final ArrayDeque<ByteBuffer> unwritten = new ArrayDeque<>(0);
    private java.io.ByteArrayOutputStream fragments;
    private boolean reading = true;
    private boolean holdingWrites;
    private boolean waitingForWritable;
    private boolean wasReady;
    /** Free for the scenario: its per-socket state. */
    Object attachment;

    BenchSocket(EventLoop loop, Target target, Listener listener) {
        this.loop = loop;
        this.target = target;
        this.listener = listener;
    }

    /** Starts connecting; call on the loop's thread. */
    void open() {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            if (channel.connect(target.address())) {
                key = loop.register(channel, SelectionKey.OP_READ, this);
                connected();
            } else {
                key = loop.register(channel, SelectionKey.OP_CONNECT, this);
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Sends one message in a SockJS frame. Call on the loop's thread. */
    void send(String json) {
        writeFrame(SockJsText.frame(json).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a SockJS frame already made (see {@link SockJsText#frame}): the hot path of the rpc scenario. */
    void sendFrame(String frame) {
        writeFrame(frame.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Stops reading, as a slow or stuck client does: the server's writes pile up in the kernel, then at the server. */
    void stopReading() {
        reading = false;
        if (key.isValid()) {
            key.interestOps(waitingForWritable ? SelectionKey.OP_WRITE : 0);
        }
    }

    /** Whether the socket authenticated at some point (it may be closed now). */
    boolean wasReady() {
        return wasReady;
    }

    void close() {
        if (state == State.CLOSED) {
            return;
        }
        closeWith("closed by the load generator");
    }

    @Override
    public void ready(SelectionKey ready) throws IOException {
        if (ready.isConnectable()) {
            channel.finishConnect();
            key.interestOps(SelectionKey.OP_READ);
            connected();
            return;
        }
        if (ready.isWritable()) {
            flushNow();
        }
        if (ready.isValid() && ready.isReadable()) {
            read();
        }
    }

    @Override
    public void fail(Throwable why) {
        closeWith(why.toString());
    }

    private void connected() {
        writeRaw(("GET " + target.tokenPath() + " HTTP/1.1\r\nHost: " + target.hostHeader()
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        state = State.TOKEN;
    }

    private void read() throws IOException {
        ByteBuffer in = loop.readBuffer;
        in.clear();
        if (leftover != null) {
            in.put(leftover);
            leftover = null;
        }
        int count = channel.read(in);
        if (count < 0) {
            closeWith(state == State.READY ? "server closed the connection" : "server closed the connection in " + state);
            return;
        }
        in.flip();
        // Browser-like traffic writes each frame as it is made; batching holds them for one write after the read.
        holdingWrites = loop.traffic == Traffic.BATCHING;
        while (in.hasRemaining() && state != State.CLOSED && consume(in)) {
            // each round took one response or one frame
        }
        holdingWrites = false;
        if (!unwritten.isEmpty() && !waitingForWritable && state != State.CLOSED) {
            flushNow();
        }
        if (in.hasRemaining() && state != State.CLOSED) {
            leftover = new byte[in.remaining()];
            in.get(leftover);
        }
    }

    /** Takes one HTTP response or websocket frame off {@code in}; false when it is not all there yet. */
    private boolean consume(ByteBuffer in) {
        switch (state) {
            case TOKEN -> {
                HttpAnswer answer = HttpAnswer.read(in);
                if (answer == null) {
                    return false;
                }
                tokenAnswered(answer);
                return true;
            }
            case UPGRADE -> {
                HttpAnswer answer = HttpAnswer.read(in);
                if (answer == null) {
                    return false;
                }
                if (answer.status() != 101) {
                    closeWith("websocket handshake answered " + answer.status());
                } else {
                    state = State.SOCKJS_OPEN;
                }
                return true;
            }
            default -> {
                return readFrame(in);
            }
        }
    }

    private void tokenAnswered(HttpAnswer answer) {
        String body = answer.body();
        int at = body.indexOf("\"token\":\"");
        if (answer.status() != 200 || at < 0) {
            closeWith("token route answered " + answer.status() + " " + body);
            return;
        }
        token = body.substring(at + 9, body.indexOf('"', at + 9));
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String session = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        String server = Integer.toString(ThreadLocalRandom.current().nextInt(1000));
        writeRaw(("GET " + target.socketPrefix() + "/" + server + "/" + session + "/websocket HTTP/1.1\r\nHost: "
                + target.hostHeader() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        state = State.UPGRADE;
    }

    /** One websocket frame from the server (unmasked, RFC 6455 §5.1); false when it is not all there yet. */
    private boolean readFrame(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < 2) {
            return false;
        }
        int first = in.get(start) & 0xff;
        int second = in.get(start + 1) & 0xff;
        long length = second & 0x7f;
        int header = 2;
        if (length == 126) {
            if (in.remaining() < 4) {
                return false;
            }
            length = in.getShort(start + 2) & 0xffff;
            header = 4;
        } else if (length == 127) {
            if (in.remaining() < 10) {
                return false;
            }
            length = in.getLong(start + 2);
            header = 10;
        }
        boolean masked = (second & 0x80) != 0;
        int maskAt = start + header;
        header += masked ? 4 : 0;
        if (length > in.capacity() / 2) {
            closeWith("frame of " + length + " bytes");
            return false;
        }
        if (in.remaining() < header + length) {
            return false;
        }
        byte[] payload = new byte[(int) length];
        in.get(start + header, payload);
        if (masked) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= in.get(maskAt + (i & 3));
            }
        }
        in.position(start + header + (int) length);
        boolean fin = (first & 0x80) != 0;
        int opcode = first & 0x0f;
        switch (opcode) {
            case 0x1, 0x0 -> text(payload, fin, opcode == 0x0);
            case 0x8 -> closeWith("server closed the websocket" + (payload.length >= 2
                    ? " with " + (((payload[0] & 0xff) << 8) | (payload[1] & 0xff)) : ""));
            case 0x9 -> writeFrame(0xA, payload);
            default -> {
                // pong, binary: nothing SockJS sends that matters here
            }
        }
        return true;
    }

    private void text(byte[] payload, boolean fin, boolean continuation) {
        if (!fin || continuation) {
            if (fragments == null) {
                fragments = new java.io.ByteArrayOutputStream();
            }
            fragments.writeBytes(payload);
            if (!fin) {
                return;
            }
            payload = fragments.toByteArray();
            fragments = null;
        }
        String frame = new String(payload, StandardCharsets.UTF_8);
        if (frame.isEmpty()) {
            return;
        }
        switch (frame.charAt(0)) {
            case 'o' -> {
                state = State.AUTH;
                send("{\"rpc\":\"auth\",\"token\":\"" + token + "\",\"uuid\":\"" + AUTH_UUID + "\"}");
            }
            case 'h' -> {
                // heartbeat
            }
            case 'a' -> SockJsText.messages(frame, 1, this::message);
            case 'c' -> closeWith("server closed the session: " + frame);
            default -> closeWith("unexpected SockJS frame " + frame);
        }
    }

    private void message(String json) {
        if (state == State.AUTH) {
            if (json.contains("\"uuid\":\"" + AUTH_UUID + "\"")) {
                if (json.contains("\"resp\":\"success\"")) {
                    state = State.READY;
                    wasReady = true;
                    listener.ready(this);
                } else {
                    closeWith("auth refused: " + json);
                }
            }
            return;
        }
        if (state == State.READY) {
            listener.message(this, json);
        }
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    private void writeFrame(byte[] payload) {
        writeFrame(0x1, payload);
    }

    /** A masked client frame (RFC 6455 §5.3). */
    private void writeFrame(int opcode, byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + 4 + length);
        frame.put((byte) (0x80 | opcode));
        if (length < 126) {
            frame.put((byte) (0x80 | length));
        } else if (length < 65536) {
            frame.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(length);
        }
        int mask = ThreadLocalRandom.current().nextInt();
        frame.putInt(mask);
        for (int i = 0; i < length; i++) {
            frame.put((byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3)))));
        }
        frame.flip();
        write(frame);
    }

    private void writeRaw(byte[] bytes) {
        write(ByteBuffer.wrap(bytes));
    }

    /**
     * Queues the bytes and writes them now, unless a read is being handled in {@link Traffic#BATCHING} traffic:
     * the frames that answers in one read cause then go out together in one gathering write (one system call
     * instead of one per frame).
     */
    private void write(ByteBuffer bytes) {
        if (state == State.CLOSED) {
            return;
        }
        unwritten.add(bytes);
        if (!holdingWrites && !waitingForWritable) {
            flushNow();
        }
    }

    private void flushNow() {
        try {
            if (loop.traffic == Traffic.BATCHING) {
                channel.write(unwritten.toArray(ByteBuffer[]::new));
            } else {
                writeOneByOne();
            }
        } catch (IOException e) {
            closeWith("write failed: " + e.getMessage());
            return;
        }
        while (!unwritten.isEmpty() && !unwritten.peek().hasRemaining()) {
            unwritten.poll();
        }
        boolean blocked = !unwritten.isEmpty();
        if (blocked != waitingForWritable && key.isValid()) {
            waitingForWritable = blocked;
            int reads = reading ? SelectionKey.OP_READ : 0;
            key.interestOps(blocked ? reads | SelectionKey.OP_WRITE : reads);
        }
    }

    /** One write call per frame, as a browser makes them; stops at the first frame the kernel did not take whole. */
    private void writeOneByOne() throws IOException {
        for (ByteBuffer frame : unwritten) {
            channel.write(frame);
            if (frame.hasRemaining()) {
                return;
            }
        }
    }

    private void closeWith(String why) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // gone either way
        }
        listener.closed(this, why);
    }
}
