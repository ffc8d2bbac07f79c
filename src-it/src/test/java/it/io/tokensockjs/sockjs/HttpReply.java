package it.io.tokensockjs.sockjs;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A complete HTTP response: its head and its whole body. */
record HttpReply(HttpHead head, byte[] bodyBytes) {

    int status() {
        return head.status();
    }

    String header(String name) {
        return head.header(name);
    }

    List<String> headers(String name) {
        return head.headers(name);
    }

    /** The body decoded as UTF-8, the encoding of every SockJS answer. */
    String body() {
        return new String(bodyBytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return head + "\n\n" + body();
    }
}
