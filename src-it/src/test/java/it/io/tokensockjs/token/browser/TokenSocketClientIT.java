package it.io.tokensockjs.token.browser;

import com.microsoft.playwright.APIResponse;

import it.io.tokensockjs.sockjs.browser.Chromium;
import it.io.tokensockjs.sockjs.browser.ChromiumTests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The original browser client, token-sockjs-client (from the npm registry, unmodified), in headless Chromium on a
 * page of the test application's own origin: it gets its token as JSON, authenticates, calls controller functions
 * and gets their answers and errors, answers the server's calls to it, over every SockJS transport, and reconnects
 * when the server closes its socket. Refusals reach it too: no login, a session that ended before a reconnection,
 * a page origin the token route does not allow. Leaves a screenshot of the page at
 * {@code target/tokensockjs-browser.png}.
 */
public class TokenSocketClientIT extends ChromiumTests<TokenSocketPage> {

    private static final Map<String, Object> TWO_AND_THREE = Map.of("a", 2, "b", 3);

    @Override
    protected TokenSocketPage openPage(Chromium chromium) {
        return TokenSocketPage.open(chromium.newContext(), TokenSocketPage.BASE_URL);
    }

    /** A logged-in client on this page, ready. */
    private TokenSocketPage.Client ready(String user, Map<String, Object> settings) {
        harness.login(user);
        TokenSocketPage.Client client = harness.connect(settings);
        assertNull(client.awaitReady(), "the error " + client + " reported when it got ready");
        return client;
    }

    @Test
    void pageRunsTheNpmRegistrysClientWithTheVersionsOfThePom() {
        List<String> libraries = harness.libraries();
        assertTrue(libraries.contains("/npm/token-sockjs-client/" + System.getProperty("it.token-sockjs-client.version", "2.2.0")
                + "/clients/browser/tokensockjs.js"), "the page's scripts: " + libraries);
        assertTrue(libraries.contains("/npm/wolfy87-eventemitter/" + System.getProperty("it.eventemitter.version", "5.2.9")
                + "/EventEmitter.js"), "the page's scripts: " + libraries);
    }

    @Test
    void getsATokenAuthenticatesAndCalls() {
        TokenSocketPage.Client client = ready("alice", Map.of());
        assertEquals("json", client.status().get("tokenRequest"), "a same-origin page asks for its token over XHR");
        assertEquals(5, number(client.rpc("math.add", TWO_AND_THREE).resp()));
        Map<?, ?> me = (Map<?, ?>) client.rpc("math.whoami", null).resp();
        assertEquals("alice", me.get("user"), "the user the token carried from the HTTP session");
    }

    @Test
    void controllerErrorsComeBackAsTheCallbacksError() {
        TokenSocketPage.Client client = ready("alice", Map.of());
        assertEquals(new TokenSocketPage.Outcome(null, "nope"), client.rpc("math.fail", "nope"));
        assertEquals(new TokenSocketPage.Outcome(null, "later"), client.rpc("math.failLater", "later"));
        assertEquals(new TokenSocketPage.Outcome(null, "Invalid request data"), client.rpc("math.add", "two and three"));
        assertEquals(new TokenSocketPage.Outcome(null, "Function not found"), client.rpc("math.nothing", null));
        assertEquals(new TokenSocketPage.Outcome(null, "Internal error"), client.rpc("math.boom", null));
        assertEquals(5, number(client.rpc("math.add", TWO_AND_THREE).resp()), "the socket still works");
    }

    @Test
    void answersTheServersCalls() {
        TokenSocketPage.Client client = ready("alice", Map.of());
        Map<?, ?> asked = (Map<?, ?>) client.rpc("callback.ask", Map.of("function", "clock.now", "args", Map.of("zone", "UTC"))).resp();
        Map<?, ?> answer = (Map<?, ?>) asked.get("answer");
        assertEquals(Map.of("zone", "UTC"), answer.get("args"), "the arguments went to the client and came back: " + asked);
        assertEquals(0, number(answer.get("client")), "the page's client #0 answered: " + asked);
        assertEquals(List.of(Map.of("command", "clock.now", "args", Map.of("zone", "UTC"))), client.serverCalls());

        Map<?, ?> failed = (Map<?, ?>) client.rpc("callback.ask", Map.of("function", "broken", "args", List.of(1, 2))).resp();
        assertEquals(Map.of("error", "client says no"), failed, "the client's error reached the server");
    }

    @Test
    void aFunctionTheClientLacksIsNeverAnsweredSoTheServersCallTimesOut() {
        // The original client ignores a call to a function it does not have: the server's call ends by its
        // timeout (token-sockjs.rpc.timeout, 2 s in the test application), and the socket goes on working.
        TokenSocketPage.Client client = ready("alice", Map.of());
        Map<?, ?> asked = (Map<?, ?>) client.rpc("callback.ask", Map.of("function", "clock.missing", "args", "x")).resp();
        assertEquals(Map.of("timeout", true), asked);
        assertEquals(5, number(client.rpc("math.add", TWO_AND_THREE).resp()));
    }

    @Test
    void withoutALoginReadyReportsTheRefusal() {
        TokenSocketPage.Client client = harness.connect(Map.of());
        assertEquals("Forbidden", client.awaitReady(), "the token route's 403 error, as the client reports it");
        assertEquals(0, number(client.status().get("calls")));
    }

    @Test
    void reconnectsAfterTheServerClosesItsSocket() {
        TokenSocketPage.Client client = ready("alice", Map.of());
        String before = socketId(client);

        APIResponse closed = harness.page().context().request().get(TokenSocketPage.BASE_URL + "/test-admin/close?socket=" + before);
        assertEquals(200, closed.status(), "the test application closes socket " + before);

        List<?> reconnects = client.awaitReconnects(1);
        assertEquals(1, reconnects.size(), "one reconnection: " + reconnects);
        assertNull(reconnects.get(0), "the client reconnected without error");
        String after = socketId(client);
        assertNotEquals(before, after, "a new socket, with a new token from the same HTTP session");
        assertEquals(5, number(client.rpc("math.add", TWO_AND_THREE).resp()));
        Map<?, ?> asked = (Map<?, ?>) client.rpc("callback.ask", Map.of("function", "clock.now", "args", "after reconnecting")).resp();
        assertEquals("after reconnecting", ((Map<?, ?>) asked.get("answer")).get("args"), "server calls reach the new socket: " + asked);
        harness.screenshot(OUTPUT_DIR.resolve("tokensockjs-browser.png"));
    }

    @Test
    void whenItsSessionHasEndedTheClientReportsTheRefusedReconnection() {
        TokenSocketPage.Client client = ready("alice", Map.of());
        String socket = socketId(client);
        assertEquals(200, harness.page().context().request().get(TokenSocketPage.BASE_URL + "/test/logout").status());
        assertEquals(200, harness.page().context().request().get(TokenSocketPage.BASE_URL + "/test-admin/close?socket=" + socket).status());
        // The client asks for a new token, is refused, says so and tries again later (up to every 5 s).
        assertEquals("Forbidden", client.awaitReconnects(1).get(0));
    }

    @Test
    void aPageOfAnotherOriginThanTheAllowedOnesGetsNoToken() {
        // This page (127.0.0.1) asks the server under its other name (localhost) for a token: the client uses
        // JSONP, and the token route refuses a page origin that is not in token-sockjs.token.allowed-origins.
        harness.login("alice");
        String otherServer = URI.create(TokenSocketPage.LOCALHOST_URL).getAuthority();
        TokenSocketPage.Client client = harness.connect(Map.of("host", otherServer));
        assertEquals("Forbidden", client.awaitReady());
        assertEquals("jsonp", client.status().get("tokenRequest"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"websocket", "xhr-streaming", "eventsource", "iframe-htmlfile", "xhr-polling", "jsonp-polling"})
    void callsBothWaysOverEachTransport(String transport) {
        TokenSocketPage.Client client = ready("alice", Map.of("transports", List.of(transport)));
        assertEquals(transport, client.status().get("transport"));
        assertEquals(5, number(client.rpc("math.add", TWO_AND_THREE).resp()));
        // Text that JSON, SockJS framing and the HTML-based transports each treat specially.
        Map<String, Object> text = Map.of("text", "Zażółć \u2028\u2029 \uD83D\uDE00 </script><!-- \\ \" %41 +");
        assertEquals(text, client.rpc("math.echo", text).resp());
        Map<?, ?> asked = (Map<?, ?>) client.rpc("callback.ask", Map.of("function", "clock.now", "args", transport)).resp();
        assertEquals(transport, ((Map<?, ?>) asked.get("answer")).get("args"), "the server's call over " + transport + ": " + asked);
    }

    /**
     * sockjs-client gives a transport about 300 ms plus the /info round trip to open (jsonp-polling, one round
     * trip); a first poll slower than that, as on a loaded machine, failed the connection, and the original client
     * retried it and reported only a reconnection, so ready never came (callsBothWaysOverEachTransport[jsonp-polling]
     * flaked so). The harness gives a lone transport a longer connect timeout; this delays the first poll past
     * sockjs-client's own to hold it to that.
     */
    @Test
    void aFirstPollSlowerThanSockJsClientsOwnTimeoutStillMakesTheClientReady() {
        AtomicInteger polls = new AtomicInteger();
        harness.page().route(url -> url.contains("/sockets/") && url.contains("/jsonp?"), route -> {
            if (polls.getAndIncrement() == 0) {
                sleep(1500);
            }
            route.resume();
        });
        TokenSocketPage.Client client = ready("alice", Map.of("transports", List.of("jsonp-polling")));
        assertEquals("jsonp-polling", client.status().get("transport"));
        assertEquals(List.of(), client.status().get("reconnects"), "connected at the first attempt");
        assertEquals(5, number(client.rpc("math.add", TWO_AND_THREE).resp()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String socketId(TokenSocketPage.Client client) {
        return (String) ((Map<?, ?>) client.rpc("math.whoami", null).resp()).get("socket");
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }
}
