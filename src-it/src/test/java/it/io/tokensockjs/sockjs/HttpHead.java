package it.io.tokensockjs.sockjs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The status line and headers of an HTTP response, in the order the server sent them.
 *
 * @param version the response's HTTP version, {@code 1.0} or {@code 1.1}
 * @param status  the status code
 * @param fields  the header fields as {@code {name, value}} pairs, repeated names kept
 */
record HttpHead(String version, int status, List<String[]> fields) {

    /**
     * The value of a header that must appear at most once, or null when it is absent. A header sent twice fails
     * the test: the suite compares header values exactly, and a container adding its own copy is a bug.
     */
    String header(String name) {
        List<String> values = headers(name);
        if (values.size() > 1) {
            throw new AssertionError("header " + name + " appears " + values.size() + " times: " + values);
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header, in order (empty when absent). */
    List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (String[] field : fields) {
            if (field[0].equalsIgnoreCase(name)) {
                values.add(field[1]);
            }
        }
        return values;
    }

    boolean has(String name) {
        return !headers(name).isEmpty();
    }

    boolean chunked() {
        String encoding = header("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** The declared body length, or -1 when the response declares none. */
    long contentLength() {
        String length = header("Content-Length");
        return length == null ? -1 : Long.parseLong(length.trim());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("HTTP/").append(version).append(' ').append(status);
        for (String[] field : fields) {
            out.append("\n").append(field[0]).append(": ").append(field[1]);
        }
        return out.toString();
    }
}
