package it.io.tokensockjs.sockjs.browser;

import com.microsoft.playwright.BrowserContext;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The sockjs-client test page ({@code /it/browser/index.html}) and its JavaScript harness. A context of its own
 * per test case matters here: a jsonp-polling socket keeps a poll open for up to 25 s after it closed.
 * A socket that closes while a test waits for messages ends the wait at once.
 */
final class HarnessPage extends TestPage {

    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(30);

    private HarnessPage(BrowserContext context) {
        super(context);
    }

    static HarnessPage open(BrowserContext context) {
        HarnessPage harness = new HarnessPage(context);
        harness.load(BASE_URL + "/browser/index.html",
                "() => window.SockJS !== undefined && window.harness !== undefined", OPEN_TIMEOUT);
        return harness;
    }

    /** The version of sockjs-client the page loaded. */
    String sockJsVersion() {
        return (String) page().evaluate("() => harness.version()");
    }

    /** Opens a SockJS connection to a service ({@code "echo"}), over one transport or any (null). */
    Socket connect(String service, String transport) {
        Object id = page().evaluate("([service, transport]) => harness.open(service, transport)",
                Arrays.asList(service, transport));
        return new Socket(((Number) id).intValue(), service + " over " + (transport == null ? "any transport" : transport));
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
            page().evaluate("([id, json]) => harness.send(id, json)", List.of(id, AsciiJson.array(messages)));
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
            return AsciiJson.parseArray((String) page().evaluate("id => harness.received(id, 0)", id));
        }

        void close() {
            page().evaluate("id => harness.close(id)", id);
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
            return (Map<String, Object>) page().evaluate("id => harness.status(id)", id);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
