package io.tokensockjs.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 response read off a connection's bytes: the status and the body (by Content-Length or chunked).
 * A 101 has no body: what follows its headers belongs to the protocol it switched to.
 */
record HttpAnswer(int status, String body) {

    private static final int MAX_HEAD = 16 * 1024;

    /**
     * Consumes one whole response from {@code in} (position to limit) and answers it, or answers null and leaves
     * the buffer untouched while the response is not complete yet.
     */
    static HttpAnswer read(ByteBuffer in) {
        int start = in.position();
        int headEnd = indexOf(in, start, "\r\n\r\n");
        if (headEnd < 0) {
            if (in.remaining() > MAX_HEAD) {
                throw new IllegalStateException("HTTP head larger than " + MAX_HEAD + " bytes");
            }
            return null;
        }
        String head = ascii(in, start, headEnd - start).toLowerCase(Locale.ROOT);
        int status = Integer.parseInt(head.substring(9, 12));
        int bodyStart = headEnd + 4;
        if (status == 101 || status == 204 || status == 304) {
            in.position(bodyStart);
            return new HttpAnswer(status, "");
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return readChunked(in, status, bodyStart);
        }
        int length = contentLength(head);
        if (in.limit() - bodyStart < length) {
            return null;
        }
        String body = new String(bytes(in, bodyStart, length), StandardCharsets.UTF_8);
        in.position(bodyStart + length);
        return new HttpAnswer(status, body);
    }

    private static HttpAnswer readChunked(ByteBuffer in, int status, int from) {
        StringBuilder body = new StringBuilder();
        int at = from;
        while (true) {
            int lineEnd = indexOf(in, at, "\r\n");
            if (lineEnd < 0) {
                return null;
            }
            String size = ascii(in, at, lineEnd - at);
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            int dataStart = lineEnd + 2;
            if (length == 0) {
                // No trailers are expected: the last chunk is followed by an empty line.
                if (in.limit() - dataStart < 2) {
                    return null;
                }
                in.position(dataStart + 2);
                return new HttpAnswer(status, body.toString());
            }
            if (in.limit() - dataStart < length + 2) {
                return null;
            }
            body.append(new String(bytes(in, dataStart, length), StandardCharsets.UTF_8));
            at = dataStart + length + 2;
        }
    }

    private static int contentLength(String head) {
        int at = head.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int end = head.indexOf("\r\n", at + 2);
        return Integer.parseInt(head.substring(at + 17, end < 0 ? head.length() : end).trim());
    }

    private static int indexOf(ByteBuffer in, int from, String ascii) {
        outer:
        for (int i = from; i <= in.limit() - ascii.length(); i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (in.get(i + j) != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String ascii(ByteBuffer in, int from, int length) {
        return new String(bytes(in, from, length), StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(ByteBuffer in, int from, int length) {
        byte[] bytes = new byte[length];
        in.get(from, bytes);
        return bytes;
    }
}
