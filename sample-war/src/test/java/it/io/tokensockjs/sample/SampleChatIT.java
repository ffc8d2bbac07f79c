package it.io.tokensockjs.sample;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample as a person uses it, in headless Chromium: two browser contexts log in as different users, join the
 * lobby, talk, see a vetoed action refused and ask everyone's time; screenshots land in target/.
 */
public class SampleChatIT {

    private static final String BASE = "http://localhost:" + System.getProperty("sample.it.http.port", "9080") + "/sample/";
    private static final double TIMEOUT = 20_000;

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("it.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private static Page logIn(BrowserContext context, String name, String role) {
        Page page = context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        page.navigate(BASE);
        page.fill("#name", name);
        page.selectOption("#role", role);
        page.click("#login-button");
        page.waitForSelector("body[data-ready=true]");
        page.waitForSelector("#room-title:has-text('#lobby')");
        return page;
    }

    private static void say(Page page, String text) {
        page.fill("#text", text);
        page.click("#send");
    }

    private static void awaitMessage(Page page, String text) {
        page.locator("#messages li", new Page.LocatorOptions().setHasText(text))
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(TIMEOUT));
    }

    @Test
    void twoUsersChatAVetoIsShownAndTheServerAsksEveryBrowser() {
        try (BrowserContext aliceContext = browser.newContext(); BrowserContext bobContext = browser.newContext()) {
            Page alice = logIn(aliceContext, "Alice", "member");
            Page bob = logIn(bobContext, "Bob", "admin");

            say(alice, "hello from Alice");
            awaitMessage(alice, "hello from Alice");
            awaitMessage(bob, "hello from Alice");
            assertTrue(bob.locator("#messages li:has-text('hello from Alice') .email").count() == 1,
                    "the admin sees who wrote with which address");
            assertEquals(0, alice.locator("#messages li:has-text('hello from Alice') .email").count(),
                    "the filter hides the address from a member");

            say(bob, "hi Alice, Bob here");
            awaitMessage(alice, "hi Alice, Bob here");

            alice.click("#rooms li[data-room=admin] .toggle");
            alice.waitForSelector("#notice:has-text('The admin room is for admins')");

            alice.click("#ask-time");
            alice.locator("#tool-output li", new Page.LocatorOptions().setHasText("Bob:"))
                    .waitFor(new Locator.WaitForOptions().setTimeout(TIMEOUT));
            assertTrue(alice.locator("#tool-output li:has-text('Alice:')").count() == 1);

            alice.click("#stats");
            alice.waitForSelector("#tool-output li:has-text('HTTP 200')");

            Path target = Paths.get(System.getProperty("it.output.dir", "target"));
            alice.screenshot(new Page.ScreenshotOptions().setPath(target.resolve("sample-alice.png")).setFullPage(true));
            bob.screenshot(new Page.ScreenshotOptions().setPath(target.resolve("sample-bob.png")).setFullPage(true));
        }
    }
}
