package it.io.tokensockjs.sockjs.browser;

import com.microsoft.playwright.APIResponse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test page itself and sockjs-client's own choices: the client is the WebJar's, the services' iframe
 * page loads that same file, and without a transport list the client picks websocket, or xhr-streaming
 * where the service turned websocket off; one page can use every transport in turn. Leaves a screenshot of
 * that page at {@code target/browser-echo.png}.
 */
public class SockJsClientPageIT extends BrowserTestSupport {

    private static final Pattern SCRIPT_SRC = Pattern.compile("<script src=\"([^\"]+)\"");

    @Test
    void pageRunsTheWebJarsSockJsClient() {
        assertEquals(System.getProperty("it.sockjs-client.version", "1.6.1"), harness.sockJsVersion());
    }

    @Test
    void iframePageLoadsTheSameSockJsClientAsThePage() {
        // The iframe transports refuse to run ("Incompatible SockJS!") unless the iframe's client is the page's.
        String pageScript = (String) harness.page().evaluate("() => document.querySelector('script[src*=sockjs]').src");
        APIResponse iframe = harness.page().request().get(HarnessPage.BASE_URL + "/echo/iframe.html");
        assertEquals(200, iframe.status(), "iframe.html status");
        Matcher src = SCRIPT_SRC.matcher(iframe.text());
        assertTrue(src.find(), "iframe.html loads a script: " + iframe.text());
        String iframeScript = (String) harness.page().evaluate("src => new URL(src, location.href).href", src.group(1));
        assertEquals(pageScript, iframeScript, "the iframe page's sockjs_url, resolved");
        APIResponse script = harness.page().request().get(iframeScript);
        assertEquals(200, script.status(), iframeScript);
    }

    @Test
    void withoutATransportListTheClientPicksWebsocket() {
        HarnessPage.Socket socket = harness.connect("echo", null);
        assertEquals("websocket", socket.awaitOpen());
        List<String> sent = List.of("plain", "\u2028 \uffff \uD83D\uDE00");
        socket.send(sent);
        assertEchoed(sent, socket.awaitReceived(sent.size()));
    }

    @Test
    void everyTransportInTurnOnOnePage() {
        // One after the other, each closed before the next opens: the page never holds more than one or two
        // of Chromium's six connections to the server. Besides the six the other tests cover, the three that
        // sockjs-client also offers a same-origin page in Chromium. The screenshot shows one row each.
        List<String> transports = new ArrayList<>(SockJsClientTransportsIT.TRANSPORTS);
        transports.addAll(List.of("htmlfile", "iframe-eventsource", "iframe-xhr-polling"));
        for (String transport : transports) {
            HarnessPage.Socket socket = connect("echo", transport);
            List<String> sent = List.of("over " + transport, "\u2028 \uffff \uD83D\uDE00 100%");
            socket.send(sent);
            assertEchoed(sent, socket.awaitReceived(sent.size()));
            socket.close();
            assertEquals(1000, ((Number) socket.awaitClosed().get("code")).intValue(), "close code over " + transport);
        }
        harness.screenshot(OUTPUT_DIR.resolve("browser-echo.png"));
    }

    @Test
    void withWebsocketDisabledTheClientFallsBackToXhrStreaming() {
        HarnessPage.Socket socket = harness.connect("disabled_websocket_echo", null);
        assertEquals("xhr-streaming", socket.awaitOpen());
        List<String> sent = List.of("no websocket here");
        socket.send(sent);
        assertEchoed(sent, socket.awaitReceived(sent.size()));
    }

    @Test
    void cookieNeededServiceEchoesOverTheIframeTransport() {
        HarnessPage.Socket socket = connect("cookie_needed_echo", "iframe-htmlfile");
        List<String> sent = List.of("sticky");
        socket.send(sent);
        assertEchoed(sent, socket.awaitReceived(sent.size()));
        Map<String, Object> status = socket.status();
        assertEquals("open", status.get("state"));
    }
}
