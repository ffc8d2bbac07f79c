package it.io.tokensockjs.sockjs;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code SockJsConnection} tells an application of its client, on every transport (the {@code /connection_info}
 * service answers each message with it): the client's address and port (compared with the test's own socket),
 * readable and writable, url and pathname, and sockjs-node's fixed list of headers, never cookies.
 */
public class ConnectionInfoIT {

    private static final String SERVICE = Target.contextRoot() + "/connection_info";
    private static final String[] HEADERS = {
        "User-Agent", "info-test", "X-Forwarded-For", "203.0.113.9", "Cookie", "secret=1", "Authorization", "Basic eA==",
        "Origin", "http://page.example"};

    @Test
    void framedWebsocketKnowsItsClient() throws Exception {
        String path = SERVICE + "/000/" + UUID.randomUUID() + "/websocket";
        try (RawWebsocket ws = RawWebsocket.open(path)) {
            assertEquals("o", ws.readText());
            ws.sendText("[\"info\"]");
            String frame = ws.readText();
            assertTrue(frame.startsWith("a["), frame);
            JsonObject info = Json.createReader(new StringReader(
                    Json.createReader(new StringReader(frame.substring(1))).readArray().getString(0))).readObject();
            assertClient(info, ws.localPort(), path, "websocket");
        }
    }

    @Test
    void rawWebsocketKnowsItsClient() throws Exception {
        String path = SERVICE + "/websocket";
        try (RawWebsocket ws = RawWebsocket.open(path)) {
            ws.sendText("info");
            assertClient(Json.createReader(new StringReader(ws.readText())).readObject(), ws.localPort(), path, "rawwebsocket");
        }
    }

    /** The connection describes the last receiving request: a new poll from another port changes the port. */
    @Test
    void xhrPollingDescribesTheLastReceivingRequest() throws Exception {
        String session = SERVICE + "/000/" + UUID.randomUUID();
        assertEquals("o\n", poll(session).body());
        Poll first = null;
        for (int round = 0; round < 2; round++) {
            try (RawHttpConnection send = new RawHttpConnection()) {
                HttpHead head = send.request("POST", session + "/xhr_send", "1.1", "[\"info\"]".getBytes(StandardCharsets.UTF_8),
                        "Content-Type", "text/plain");
                assertEquals(204, head.status());
            }
            Poll poll = poll(session);
            String body = poll.body();
            assertTrue(body.startsWith("a[") && body.endsWith("]\n"), body);
            JsonArray messages = Json.createReader(new StringReader(body.substring(1))).readArray();
            JsonObject info = Json.createReader(new StringReader(messages.getString(0))).readObject();
            if (first == null) {
                first = poll;
                // The message was sent while the opening poll was the last receiving request.
                assertTrue(info.getInt("remotePort") > 0);
            } else {
                assertClient(info, first.localPort(), session + "/xhr", "xhr-polling");
            }
        }
    }

    private static void assertClient(JsonObject info, int localPort, String pathname, String protocol) {
        assertEquals("127.0.0.1", info.getString("remoteAddress"), info::toString);
        assertEquals(localPort, info.getInt("remotePort"), "the port of the test's own socket: " + info);
        assertEquals(pathname, info.getString("pathname"));
        assertEquals(protocol, info.getString("protocol"));
        assertEquals(SERVICE.substring(Target.contextRoot().length()), info.getString("prefix"));
        assertTrue(info.getBoolean("readable") && info.getBoolean("writable"), info::toString);
        JsonObject headers = info.getJsonObject("headers");
        assertEquals("info-test", headers.getString("user-agent"));
        assertEquals("203.0.113.9", headers.getString("x-forwarded-for"));
        assertTrue(headers.containsKey("host"), headers::toString);
        for (String hidden : new String[] {"cookie", "authorization", "origin", "sec-websocket-key"}) {
            assertFalse(headers.containsKey(hidden), () -> hidden + " is not kept: " + headers);
        }
    }

    /** One xhr poll on a connection of its own, so that each poll comes from another port. */
    private static Poll poll(String session) throws IOException {
        try (RawHttpConnection connection = new RawHttpConnection()) {
            HttpHead head = connection.request("POST", session + "/xhr", "1.1", new byte[0], HEADERS);
            assertEquals(200, head.status(), head::toString);
            return new Poll(new String(connection.readBody("POST", head), StandardCharsets.UTF_8), connection.localPort());
        }
    }

    private record Poll(String body, int localPort) {
    }

    /** A websocket client on a plain socket, so the test knows the port the server sees. Text frames only. */
    private static final class RawWebsocket implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        private RawWebsocket(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        static RawWebsocket open(String path) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(Target.HOST, Target.port()), 10_000);
            socket.setSoTimeout(10_000);
            RawWebsocket ws = new RawWebsocket(socket);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n")
                    .append("Host: ").append(Target.HOST).append(':').append(Target.port()).append("\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                    .append("Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw==\r\n");
            for (int i = 0; i < HEADERS.length; i += 2) {
                request.append(HEADERS[i]).append(": ").append(HEADERS[i + 1]).append("\r\n");
            }
            ws.out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            ws.out.flush();
            String status = ws.line();
            if (!status.startsWith("HTTP/1.1 101")) {
                throw new IOException("not upgraded: " + status);
            }
            while (!ws.line().isEmpty()) {
                // the rest of the head
            }
            return ws;
        }

        int localPort() {
            return socket.getLocalPort();
        }

        void sendText(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            if (payload.length > 125) {
                throw new IllegalArgumentException("short frames only");
            }
            byte[] mask = {1, 2, 3, 4};
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x81);
            frame.write(0x80 | payload.length);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            out.flush();
        }

        /** The next text frame (unfragmented, as the server sends them). */
        String readText() throws IOException {
            int first = in.readUnsignedByte();
            int length = in.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = (int) in.readLong();
            }
            byte[] payload = in.readNBytes(length);
            if ((first & 0x0f) != 1) {
                throw new IOException("not a text frame: opcode " + (first & 0x0f));
            }
            return new String(payload, StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            InputStream stream = in;
            int b;
            while ((b = stream.read()) != -1 && b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
