package it.io.tokensockjs.sockjs.browser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real sockjs-client 1.6.1 in headless Chromium against the test application, over each of its main
 * transports, one at a time ({@code transports: [name]}): the transport used is the one asked for, messages
 * of every kind come back exactly, in order and complete, and both ways of closing work.
 */
public class SockJsClientTransportsIT extends BrowserTestSupport {

    /**
     * The transports the project promises (README), in sockjs-client's order of preference. (Chromium on a
     * same-origin page can also use htmlfile, iframe-eventsource and iframe-xhr-polling: SockJsClientPageIT
     * runs those once.)
     */
    static final List<String> TRANSPORTS =
            List.of("websocket", "xhr-streaming", "eventsource", "iframe-htmlfile", "xhr-polling", "jsonp-polling");

    /** Runs a test once per sockjs-client transport. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @MethodSource("it.io.tokensockjs.sockjs.browser.SockJsClientTransportsIT#transports")
    @interface EachTransport {
    }

    static List<String> transports() {
        return TRANSPORTS;
    }

    @EachTransport
    void connectsOverTheTransportAskedFor(String transport) {
        HarnessPage.Socket socket = connect("echo", transport);
        assertEquals(1, ((Number) socket.status().get("readyState")).intValue(), "readyState OPEN");
    }

    @EachTransport
    void echoesAnAsciiMessage(String transport) {
        HarnessPage.Socket socket = connect("echo", transport);
        // Percent signs included: sockjs-client URI-decodes what arrives over eventsource.
        List<String> sent = List.of("Hello, SockJS! 0123456789 ~!@#$%^&*()_+-={}[]|:;<>?,./` 'single' \"double\" \\",
                "100% %41 %zz %% %E2%82%AC +");
        socket.send(sent);
        assertEchoed(sent, socket.awaitReceived(sent.size()));
    }

    @EachTransport
    void echoesUnicodeAndTheCharactersSockJsEscapes(String transport) {
        HarnessPage.Socket socket = connect("echo", transport);
        List<String> sent = List.of(
                // Several scripts, and characters outside the BMP (surrogate pairs in UTF-16).
                "Zażółć gęślą jaźń · Ελληνικά · Русский · 日本語 · עברית · العربية · "
                        + "\uD83D\uDE00 \uD83C\uDF89 \uD834\uDD1E \uD800\uDF48 \uDBFF\uDFFF",
                // Everything sockjs-node (and this server) writes as \\uXXXX, and JSON's own escapes.
                sockJsEscapedCharacters(),
                // Lone surrogates, which no UTF-8 can carry: they travel as JSON escapes both ways.
                "\uD800 x\uDC00y \uDBFF\uD800 end\uDBFF",
                // Quotes, backslashes and things that mean something in HTML or a script.
                "\"quoted\" 'single' \\ \\\\ \\u2028 \\\" </script><script>alert(1)</script> <!-- & &amp; ]]>",
                "",
                " ");
        socket.send(sent);
        assertEchoed(sent, socket.awaitReceived(sent.size()));
    }

    @EachTransport
    void echoesA64KiBMessage(String transport) {
        HarnessPage.Socket socket = connect("echo", transport);
        StringBuilder big = new StringBuilder(64 * 1024);
        for (int i = 0; big.length() < 64 * 1024; i++) {
            big.append(String.format("%05d:", i));
        }
        big.setLength(64 * 1024);
        List<String> sent = List.of(big.toString());
        socket.send(sent);
        assertEchoed(sent, socket.awaitReceived(1));
    }

    @EachTransport
    void echoesABurstOfAThousandMessagesCompleteAndInOrder(String transport) {
        HarnessPage.Socket socket = connect("echo", transport);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sent.add(String.format("burst message %04d", i));
        }
        socket.send(sent);
        assertEchoed(sent, socket.awaitReceived(sent.size()));
    }

    @EachTransport
    void closeServiceClosesWithGoAway(String transport) {
        HarnessPage.Socket socket = harness.connect("close", transport);
        Map<String, Object> close = socket.awaitClosed();
        assertEquals(transport, socket.status().get("transport"), "the session opened over the transport asked for");
        assertEquals(3000, ((Number) close.get("code")).intValue(), "close code");
        assertEquals("Go away!", close.get("reason"), "close reason");
        assertEquals(true, close.get("wasClean"), "wasClean");
        assertEquals(List.of(), socket.received(), "messages before the close");
    }

    @EachTransport
    void clientCloseIsClean(String transport) {
        HarnessPage.Socket socket = connect("echo", transport);
        socket.send(List.of("before closing"));
        socket.awaitReceived(1);
        socket.close();
        Map<String, Object> close = socket.awaitClosed();
        assertEquals(1000, ((Number) close.get("code")).intValue(), "close code");
        assertEquals("Normal closure", close.get("reason"), "close reason");
        assertEquals(true, close.get("wasClean"), "wasClean");
    }

    /** U+0000-001F, U+200C-200F, U+2028-202F, U+2060-206F, U+FEFF and U+FFF0-FFFF, with markers between ranges. */
    private static String sockJsEscapedCharacters() {
        StringBuilder out = new StringBuilder("C0:");
        appendRange(out, 0x0000, 0x001f);
        out.append(" DEL+C1:");
        appendRange(out, 0x007f, 0x009f);
        out.append(" ZW:");
        appendRange(out, 0x200c, 0x200f);
        out.append(" LS/PS:");
        appendRange(out, 0x2028, 0x202f);
        out.append(" WJ:");
        appendRange(out, 0x2060, 0x206f);
        out.append(" BOM:\ufeff specials:");
        appendRange(out, 0xfff0, 0xffff);
        return out.append(" end").toString();
    }

    private static void appendRange(StringBuilder out, int first, int last) {
        for (int c = first; c <= last; c++) {
            out.append((char) c);
        }
    }
}
