package it.io.tokensockjs.sockjs.browser;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The sockjs-client page ({@link HarnessPage}) for every test case, and the checks its tests share.
 */
abstract class BrowserTestSupport extends ChromiumTests<HarnessPage> {

    @Override
    protected HarnessPage openPage(Chromium chromium) {
        return HarnessPage.open(chromium.newContext());
    }

    /** Opens a socket to a service over one transport and checks that sockjs-client really uses it. */
    HarnessPage.Socket connect(String service, String transport) {
        HarnessPage.Socket socket = harness.connect(service, transport);
        assertEquals(transport, socket.awaitOpen(), "the transport sockjs-client reports for " + socket);
        return socket;
    }

    /**
     * Compares what came back with what was sent, naming the first difference with every character outside
     * printable ASCII escaped (messages hold lone surrogates and invisible characters).
     */
    static void assertEchoed(List<String> sent, List<String> received) {
        for (int i = 0; i < Math.min(sent.size(), received.size()); i++) {
            String expected = sent.get(i);
            String actual = received.get(i);
            if (!expected.equals(actual)) {
                int at = 0;
                while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
                    at++;
                }
                fail("message " + i + " differs at char " + at + " (lengths " + expected.length() + " sent, "
                        + actual.length() + " received)\n  sent:     " + excerpt(expected, at)
                        + "\n  received: " + excerpt(actual, at));
            }
        }
        assertEquals(sent.size(), received.size(), "number of messages echoed");
    }

    private static String excerpt(String value, int at) {
        int from = Math.max(0, at - 20);
        int to = Math.min(value.length(), at + 40);
        return (from > 0 ? "..." : "") + AsciiJson.visible(value.substring(from, to)) + (to < value.length() ? "..." : "");
    }
}
