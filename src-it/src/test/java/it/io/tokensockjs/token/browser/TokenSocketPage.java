package it.io.tokensockjs.token.browser;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;

import it.io.tokensockjs.sockjs.browser.TestPage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The token-sockjs-client test page ({@code /it/browser/tokensockjs.html}) and its harness: the original browser
 * client, {@code TokenSocket}, unmodified, with the test application's token route and sockets.
 */
final class TokenSocketPage extends TestPage {

    /**
     * The test application under another origin than {@link #BASE_URL}: {@code localhost} for {@code 127.0.0.1}. The
     * test server lets pages from here ask for tokens cross-site ({@code token-sockjs.token.allowed-origins}).
     */
    static final String LOCALHOST_URL = BASE_URL.replaceFirst("//127\\.0\\.0\\.1:", "//localhost:");

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);

    private final String baseUrl;

    private TokenSocketPage(BrowserContext context, String baseUrl) {
        super(context);
        this.baseUrl = baseUrl;
    }

    /** The page loaded from {@code baseUrl}, the test application's root as this page's origin names it. */
    static TokenSocketPage open(BrowserContext context, String baseUrl) {
        TokenSocketPage page = new TokenSocketPage(context, baseUrl);
        page.load(baseUrl + "/browser/tokensockjs.html", "() => window.TokenSocket !== undefined && window.EventEmitter !== undefined"
                + " && window.SockJS !== undefined && window.harness !== undefined", LOAD_TIMEOUT);
        return page;
    }

    /** Logs a user in with the test login at the page's server, in this page's cookie jar (its browser context). */
    void login(String user) {
        login(baseUrl, user);
    }

    /** Logs a user in with the test login at a server (its base URL), in this page's cookie jar. */
    void login(String server, String user) {
        APIResponse response = page().context().request().get(server + "/test/login?user=" + user);
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + response.status());
        }
    }

    /** The page's scripts, as paths under the context root ({@code /npm/token-sockjs-client/2.2.0/...}). */
    @SuppressWarnings("unchecked")
    List<String> libraries() {
        return (List<String>) page().evaluate("() => harness.libraries()");
    }

    /**
     * Creates a {@code TokenSocket}; settings as the harness takes them: {@code host}, {@code authentication},
     * {@code transports}.
     */
    Client connect(Map<String, Object> settings) {
        return new Client(((Number) page().evaluate("settings => harness.connect(settings)", settings)).intValue());
    }

    /** How a call ended: the server's answer, or its error ({@code resp} is then null). */
    record Outcome(Object resp, Object error) {
    }

    /** One {@code TokenSocket} in the page. */
    final class Client {
        private final int id;

        private Client(int id) {
            this.id = id;
        }

        /**
         * Waits for the client's ready event and answers the error it reported, or null when it authenticated.
         */
        Object awaitReady() {
            await("id => harness.status(id).ready.length > 0", id, EVENT_TIMEOUT, "client #" + id + " to be ready");
            return ((List<?>) status().get("ready")).get(0);
        }

        /** Waits until the client has reported {@code count} reconnections, and answers them (null: success). */
        List<?> awaitReconnects(int count) {
            await("([id, count]) => harness.status(id).reconnects.length >= count", List.of(id, count), EVENT_TIMEOUT,
                    count + " reconnection(s) of client #" + id);
            return (List<?>) status().get("reconnects");
        }

        /** Calls a server function and waits for its answer. */
        Outcome rpc(String function, Object data) {
            @SuppressWarnings("unchecked")
            Map<String, Object> outcome = (Map<String, Object>) page().evaluate(
                    "([id, name, data]) => harness.rpc(id, name, data)", Arrays.asList(id, function, data));
            return new Outcome(outcome.get("resp"), outcome.get("error"));
        }

        /** Subscribes to a channel ({@code TokenSocket.subscribe}) and waits for the answer. */
        Outcome subscribe(String channel) {
            return outcome(page().evaluate("([id, channel]) => harness.subscribe(id, channel)", Arrays.asList(id, channel)));
        }

        /** Publishes on a channel ({@code TokenSocket.publish}) and waits for the answer. */
        Outcome publish(String channel, Object data) {
            return outcome(page().evaluate("([id, channel, data]) => harness.publish(id, channel, data)",
                    Arrays.asList(id, channel, data)));
        }

        /** The client's channels as it knows them ({@code TokenSocket.channels()}). */
        @SuppressWarnings("unchecked")
        List<String> channels() {
            return (List<String>) page().evaluate("id => harness.channels(id)", id);
        }

        /**
         * Waits until the client has received {@code count} channel messages and answers all it received, in order:
         * {@code channel} and {@code message} each.
         */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> awaitMessages(int count) {
            await("([id, count]) => harness.status(id).messages >= count", List.of(id, count), EVENT_TIMEOUT,
                    count + " channel message(s) of client #" + id);
            return (List<Map<String, Object>>) page().evaluate("id => harness.messages(id)", id);
        }

        @SuppressWarnings("unchecked")
        private static Outcome outcome(Object result) {
            Map<String, Object> outcome = (Map<String, Object>) result;
            return new Outcome(outcome.get("resp"), outcome.get("error"));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> status() {
            return (Map<String, Object>) page().evaluate("id => harness.status(id)", id);
        }

        /** The calls the server made to this client: {@code command} and {@code args} each. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> serverCalls() {
            return (List<Map<String, Object>>) page().evaluate("id => harness.serverCalls(id)", id);
        }

        @Override
        public String toString() {
            return "client #" + id;
        }
    }
}
