package io.tokensockjs.sockjs.transport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code c} parameter of jsonp and htmlfile: the suite's set {@code [a-zA-Z0-9-_.]} and nothing else. */
class CallbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"callback", "x", "_jp.a1b2c3", "a-b_c.d", "Z9", "-"})
    void valid(String callback) {
        assertTrue(SockJsServlet.isValidCallback(callback));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "*", "abc(", "a;b", "a\"b", "a/b", "a<b", "\u00e9", "a b"})
    void invalid(String callback) {
        assertFalse(SockJsServlet.isValidCallback(callback));
    }

    @ParameterizedTest
    @ValueSource(ints = {257, 1000})
    void tooLong(int length) {
        assertFalse(SockJsServlet.isValidCallback("a".repeat(length)));
    }
}
