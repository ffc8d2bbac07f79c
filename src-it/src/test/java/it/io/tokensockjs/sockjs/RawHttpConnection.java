package it.io.tokensockjs.sockjs;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal HTTP/1.0 and HTTP/1.1 client on a plain socket, for what the JDK's HttpClient hides: chunk
 * boundaries (each SockJS streaming frame must leave as its own chunk, at once), the exact header fields,
 * requests without a body length, several requests on one connection, and seeing the server close it.
 */
final class RawHttpConnection implements Closeable {

    /** A safety net against a hung test, never a measured time: a test waiting this long has failed anyway. */
    static final int TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttpConnection() throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(Target.HOST, Target.port()), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends a request and reads the head of its response. See {@link #send}. */
    HttpHead request(String method, String path, String version, byte[] body, String... headers) throws IOException {
        send(method, path, version, body, headers);
        return readHead();
    }

    /**
     * Writes a request and reads nothing. A {@code Host} header is added unless given; {@code Content-Length}
     * only when there is a body ({@code null} sends none, as a client that sets no length does).
     *
     * @param headers name and value pairs, sent in this order
     */
    void send(String method, String path, String version, byte[] body, String... headers) throws IOException {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come as name, value pairs");
        }
        StringBuilder request = new StringBuilder();
        request.append(method).append(' ').append(path).append(" HTTP/").append(version).append("\r\n");
        boolean hostGiven = false;
        for (int i = 0; i < headers.length; i += 2) {
            hostGiven |= headers[i].equalsIgnoreCase("Host");
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (!hostGiven) {
            request.append("Host: ").append(Target.HOST).append(':').append(Target.port()).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.append("\r\n");
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    /** Reads a status line and the header fields that follow it. */
    HttpHead readHead() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("the server closed the connection instead of answering");
        }
        // "HTTP/1.1 200 OK"
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        List<String[]> fields = new ArrayList<>();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + line);
            }
            fields.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
        if (line == null) {
            throw new EOFException("the server closed the connection inside the response head");
        }
        return new HttpHead(parts[0].substring(5), Integer.parseInt(parts[1]), fields);
    }

    /**
     * Reads one chunk of a chunked body, exactly as the server framed it.
     *
     * @return the chunk's data as UTF-8, {@code ""} for the terminating chunk (its trailer is consumed), or null
     *         when the server closed the connection instead of sending another chunk
     */
    String readChunk() throws IOException {
        byte[] data = readChunkBytes();
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    private byte[] readChunkBytes() throws IOException {
        String sizeLine = readLine();
        if (sizeLine == null) {
            return null;
        }
        int extension = sizeLine.indexOf(';');
        int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
        if (size == 0) {
            String trailer;
            while ((trailer = readLine()) != null && !trailer.isEmpty()) {
                // Trailer fields: SockJS sends none, and nothing here needs them.
            }
            return new byte[0];
        }
        byte[] data = readExactly(size);
        String end = readLine();
        if (end == null || !end.isEmpty()) {
            throw new IOException("chunk of " + size + " bytes not followed by CRLF but by: " + end);
        }
        return data;
    }

    /** Reads exactly {@code count} bytes of a body that is not chunked (HTTP/1.0 or Content-Length). */
    byte[] readExactly(int count) throws IOException {
        byte[] data = in.readNBytes(count);
        if (data.length != count) {
            throw new EOFException("wanted " + count + " bytes, the connection ended after " + data.length);
        }
        return data;
    }

    /** Reads a whole body the way the response frames it. */
    byte[] readBody(String method, HttpHead head) throws IOException {
        int status = head.status();
        if ("HEAD".equals(method) || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return new byte[0];
        }
        if (head.chunked()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] chunk;
            while ((chunk = readChunkBytes()) != null && chunk.length > 0) {
                body.writeBytes(chunk);
            }
            if (chunk == null) {
                throw new EOFException("the connection ended before the terminating chunk");
            }
            return body.toByteArray();
        }
        long length = head.contentLength();
        return length >= 0 ? readExactly((int) length) : in.readAllBytes();
    }

    /**
     * Whether the server closed the connection: waits for the next byte (up to the safety timeout) and
     * answers true on end of stream, false when more data arrived.
     */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // A reset is a close too.
            return true;
        }
    }

    /** The port of this end of the connection: the one the server sees as the client's. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** Closes the socket: for a request still running, this is how a browser aborts it. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A line ending in CRLF (a bare LF is accepted), without it; null at end of stream. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        if (line.size() > 0) {
            throw new EOFException("the connection ended inside a line: " + line.toString(StandardCharsets.ISO_8859_1));
        }
        return null;
    }
}
