package it.io.tokensockjs.token.browser;

import it.io.tokensockjs.sockjs.browser.Chromium;
import it.io.tokensockjs.sockjs.browser.ChromiumTests;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The original browser client on a page of another origin than its server's: the page comes from
 * {@code localhost}, the token route and the sockets are asked for at {@code 127.0.0.1}, and the test server
 * lists the page's origin in {@code token-sockjs.token.allowed-origins} (src-it/pom.xml). The client then asks for
 * its token by JSONP. Leaves a screenshot of the page at {@code target/tokensockjs-browser-cross-origin.png}.
 */
public class TokenSocketCrossOriginIT extends ChromiumTests<TokenSocketPage> {

    private static final String SERVER = URI.create(TokenSocketPage.BASE_URL).getAuthority();

    @Override
    protected TokenSocketPage openPage(Chromium chromium) {
        return TokenSocketPage.open(chromium.newContext(), TokenSocketPage.LOCALHOST_URL);
    }

    @Test
    void getsItsTokenByJsonpAndCalls() {
        // A script request to another site carries no cookie that lacks SameSite=None, so the session of a
        // login would not reach the token route: the test authenticator's anonymous switch, passed as the
        // client's authentication parameters, stands for the application's own cross-site authentication.
        TokenSocketPage.Client client = harness.connect(Map.of("host", SERVER, "authentication", Map.of("anonymous", 1)));
        assertNull(client.awaitReady(), "the error " + client + " reported when it got ready");
        assertEquals("jsonp", client.status().get("tokenRequest"));
        assertEquals(5, ((Number) client.rpc("math.add", Map.of("a", 2, "b", 3)).resp()).intValue());
        Map<?, ?> asked = (Map<?, ?>) client.rpc("callback.ask", Map.of("function", "clock.now", "args", "cross-origin")).resp();
        assertEquals("cross-origin", ((Map<?, ?>) asked.get("answer")).get("args"), "the server's call: " + asked);
        harness.screenshot(ChromiumTests.OUTPUT_DIR.resolve("tokensockjs-browser-cross-origin.png"));
    }

    @Test
    void theSessionOfALoginDoesNotReachTheTokenRouteCrossSite() {
        // Logged in at the server, but the session cookie (no SameSite attribute: Lax in Chromium) stays behind
        // on a cross-site script request, so the route refuses; it answers JSONP with 200 and the error inside,
        // so that the client can tell what happened.
        harness.login(TokenSocketPage.BASE_URL, "alice");
        TokenSocketPage.Client client = harness.connect(Map.of("host", SERVER));
        assertEquals("Forbidden", client.awaitReady());
        assertEquals("jsonp", client.status().get("tokenRequest"));
    }
}
