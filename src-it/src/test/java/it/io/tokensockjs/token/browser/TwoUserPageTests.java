package it.io.tokensockjs.token.browser;

import it.io.tokensockjs.sockjs.browser.Chromium;
import it.io.tokensockjs.sockjs.browser.ChromiumTests;

import org.junit.jupiter.api.AfterEach;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Browser tests of the original client with two users: the test's page, and when a test needs it a second page in a
 * browser context (a cookie jar, a session) of its own, closed after the test.
 */
abstract class TwoUserPageTests extends ChromiumTests<TokenSocketPage> {

    private Chromium chromium;
    private TokenSocketPage otherPage;

    @Override
    protected TokenSocketPage openPage(Chromium chromium) {
        this.chromium = chromium;
        return TokenSocketPage.open(chromium.newContext(), TokenSocketPage.BASE_URL);
    }

    @AfterEach
    void closeOtherPage() {
        closeOther();
    }

    /** A logged-in client on the test's page, ready. */
    protected TokenSocketPage.Client ready(String user) {
        return ready(harness, user);
    }

    /** A logged-in client on a second page, in a browser context of its own. */
    protected TokenSocketPage.Client other(String user) {
        otherPage = TokenSocketPage.open(chromium.newContext(), TokenSocketPage.BASE_URL);
        return ready(otherPage, user);
    }

    /** Closes the second page, and with it its socket. */
    protected void closeOther() {
        if (otherPage != null) {
            otherPage.close();
            otherPage = null;
        }
    }

    private static TokenSocketPage.Client ready(TokenSocketPage page, String user) {
        page.login(user);
        TokenSocketPage.Client client = page.connect(Map.of());
        assertNull(client.awaitReady(), "the error " + client + " reported when it got ready");
        return client;
    }
}
