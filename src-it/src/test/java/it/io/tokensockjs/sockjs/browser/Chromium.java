package it.io.tokensockjs.sockjs.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine's headless Chromium, driven by Playwright. Nothing is downloaded: Playwright's browser download
 * is switched off here (and by failsafe's environment) and the browser is the executable the build names.
 * One per test class; every test case takes a fresh {@link TestPage}.
 */
public final class Chromium implements AutoCloseable {

    private static final List<String> ARGS = List.of(
            // Root cannot use Chromium's sandbox.
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            // QUIC and the background services would make the browser reach out to the Internet.
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Path executable = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is not there: install Debian's chromium (.ci/run does)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setChromiumSandbox(false)
                    .setArgs(ARGS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new browser context: its own cookies and its own connections to the server. */
    public BrowserContext newContext() {
        return browser.newContext();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
