package it.io.tokensockjs.sockjs.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The test page ({@code /it/browser/index.html}) in its own browser context, and its JavaScript harness.
 * A context of its own per test case gives each case its own connection pool: a jsonp-polling socket keeps
 * a poll open for up to 25 s after it closed, and Chromium allows only six connections per host.
 *
 * <p>Every wait is a condition polled in the page with a timeout that is only a safety net; a socket that
 * closes while a test waits for messages ends the wait at once.
 */
final class HarnessPage implements AutoCloseable {

    static final String BASE_URL = "http://127.0.0.1:" + System.getProperty("it.http.port", "19080")
            + System.getProperty("it.context.root", "/it");

    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(30);
    private static final double POLL_MILLIS = 20;

    private final BrowserContext context;
    private final Page page;
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());

    private HarnessPage(BrowserContext context) {
        this.context = context;
        this.page = context.newPage();
        // The page's and its iframes' console and uncaught errors, for failure messages (sockjs-client
        // reports "Incompatible SockJS!" and cross-domain refusals there).
        page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
        page.onPageError(error -> console.add("uncaught: " + error));
    }

    static HarnessPage open(BrowserContext context) {
        HarnessPage harness = new HarnessPage(context);
        try {
            harness.page.navigate(BASE_URL + "/browser/index.html");
            harness.page.waitForFunction("() => window.SockJS !== undefined && window.harness !== undefined", null,
                    new Page.WaitForFunctionOptions().setTimeout(OPEN_TIMEOUT.toMillis()));
            return harness;
        } catch (RuntimeException e) {
            harness.close();
            throw e;
        }
    }

    /** The version of sockjs-client the page loaded. */
    String sockJsVersion() {
        return (String) page.evaluate("() => harness.version()");
    }

    Page page() {
        return page;
    }

    /** Opens a SockJS connection to a service ({@code "echo"}), over one transport or any (null). */
    Socket connect(String service, String transport) {
        Object id = page.evaluate("([service, transport]) => harness.open(service, transport)",
                Arrays.asList(service, transport));
        return new Socket(((Number) id).intValue(), service + " over " + (transport == null ? "any transport" : transport));
    }

    void screenshot(Path file) {
        page.evaluate("() => harness.render()");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    @Override
    public void close() {
        context.close();
    }

    private void await(String condition, Object argument, Duration timeout, String what) {
        try {
            page.waitForFunction(condition, argument, new Page.WaitForFunctionOptions()
                    .setTimeout(timeout.toMillis()).setPollingInterval(POLL_MILLIS));
        } catch (TimeoutError e) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                    + diagnostics(argument));
        }
    }

    private String diagnostics(Object argument) {
        StringBuilder out = new StringBuilder();
        if (argument instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Number id) {
            try {
                out.append("\nsocket status: ").append(page.evaluate("id => harness.status(id)", id));
            } catch (PlaywrightException e) {
                out.append("\nsocket status unavailable: ").append(e.getMessage());
            }
        }
        synchronized (console) {
            out.append("\nbrowser console (").append(console.size()).append(" lines):");
            for (String line : console) {
                out.append("\n  ").append(line);
            }
        }
        return out.toString();
    }

    /** One SockJS object in the page. */
    final class Socket {
        private final int id;
        private final String description;

        private Socket(int id, String description) {
            this.id = id;
            this.description = description;
        }

        /** Waits for the open event and answers the transport sockjs-client reports it uses. */
        String awaitOpen() {
            await("id => { const s = harness.status(id); return s.state !== 'connecting'; }", List.of(id),
                    OPEN_TIMEOUT, description + " to open");
            Map<String, Object> status = status();
            if (!"open".equals(status.get("state"))) {
                throw new AssertionError(description + " did not open: " + status + diagnostics(List.of(id)));
            }
            return (String) status.get("transport");
        }

        /** Sends the messages one after the other in a single turn of the page's event loop. */
        void send(List<String> messages) {
            page.evaluate("([id, json]) => harness.send(id, json)", List.of(id, AsciiJson.array(messages)));
        }

        /** Waits until {@code count} messages in all have arrived, and answers all of them. */
        List<String> awaitReceived(int count) {
            await("([id, count]) => { const s = harness.status(id); return s.received >= count || s.state === 'closed'; }",
                    List.of(id, count), RECEIVE_TIMEOUT, count + " message(s) on " + description);
            List<String> received = received();
            if (received.size() < count) {
                throw new AssertionError(description + " closed after " + received.size() + " of " + count
                        + " messages" + diagnostics(List.of(id)));
            }
            return received;
        }

        List<String> received() {
            return AsciiJson.parseArray((String) page.evaluate("id => harness.received(id, 0)", id));
        }

        void close() {
            page.evaluate("id => harness.close(id)", id);
        }

        /** Waits for the close event and answers it: {@code code}, {@code reason}, {@code wasClean}. */
        Map<String, Object> awaitClosed() {
            await("id => harness.status(id).closes.length > 0", List.of(id), OPEN_TIMEOUT, description + " to close");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> closes = (List<Map<String, Object>>) status().get("closes");
            if (closes.size() != 1) {
                throw new AssertionError(description + " closed " + closes.size() + " times: " + closes);
            }
            return closes.get(0);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> status() {
            return (Map<String, Object>) page.evaluate("id => harness.status(id)", id);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
