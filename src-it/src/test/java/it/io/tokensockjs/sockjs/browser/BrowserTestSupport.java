package it.io.tokensockjs.sockjs.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One Chromium per test class and a fresh test page, in a fresh browser context, per test case.
 */
abstract class BrowserTestSupport {

    static final Path OUTPUT_DIR = Path.of(System.getProperty("it.output.dir", "target"));

    private static Chromium chromium;

    HarnessPage harness;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** A failed case leaves a screenshot of its page under {@code target/browser-failures/}. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && harness != null) {
            String method = context.getRequiredTestMethod().getName();
            String display = context.getDisplayName();
            String name = display.startsWith(method) ? method : method + "-" + display;
            harness.screenshot(OUTPUT_DIR.resolve("browser-failures").resolve(getClass().getSimpleName())
                    .resolve(name.replaceAll("[^A-Za-z0-9_.-]+", "_") + ".png"));
        }
    };

    @BeforeEach
    void openTestPage() {
        harness = chromium.openHarness();
    }

    @AfterEach
    void closeTestPage() {
        if (harness != null) {
            harness.close();
            harness = null;
        }
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
