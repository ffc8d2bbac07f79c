package it.io.tokensockjs.sockjs.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;

import it.io.tokensockjs.runtime.ServerLog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A page of the test application in a browser context of its own, driven through the {@code window.harness}
 * object its script defines. A context of its own per test case gives each case its own cookies and its own
 * connection pool (Chromium allows only six connections per host).
 *
 * <p>Every wait is a condition polled in the page with a timeout that is only a safety net; a timeout names
 * what was awaited and shows the harness's status of what it was about and the page's console.
 */
public abstract class TestPage implements AutoCloseable {

    /** The test application, as the tests reach it. */
    public static final String BASE_URL = "http://127.0.0.1:" + System.getProperty("it.http.port", "19080")
            + System.getProperty("it.context.root", "/it");

    private static final double POLL_MILLIS = 20;

    private final BrowserContext context;
    private final Page page;
    /** What the server logged while the page was open, its last lines, goes into failure messages. */
    private static final int SERVER_LOG_LINES = 60;

    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private final ServerLog serverLog = ServerLog.mark();

    protected TestPage(BrowserContext context) {
        this.context = context;
        this.page = context.newPage();
        // The page's and its iframes' console and uncaught errors, for failure messages (sockjs-client reports
        // "Incompatible SockJS!" and cross-domain refusals there).
        page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
        page.onPageError(error -> console.add("uncaught: " + error));
    }

    /**
     * Loads the page and waits until its scripts have run ({@code ready} is true); closes the context when that
     * fails, so a subclass's factory can simply rethrow.
     */
    protected void load(String url, String ready, Duration timeout) {
        try {
            page.navigate(url);
            page.waitForFunction(ready, null, new Page.WaitForFunctionOptions().setTimeout(timeout.toMillis()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public Page page() {
        return page;
    }

    /** Brings the page's display up to date ({@code harness.render()}) and saves a full-page screenshot. */
    public void screenshot(Path file) {
        page.evaluate("() => harness.render()");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    @Override
    public void close() {
        context.close();
    }

    /** Waits until {@code condition}, a function of {@code argument}, holds in the page. */
    protected void await(String condition, Object argument, Duration timeout, String what) {
        try {
            page.waitForFunction(condition, argument, new Page.WaitForFunctionOptions()
                    .setTimeout(timeout.toMillis()).setPollingInterval(POLL_MILLIS));
        } catch (TimeoutError e) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                    + diagnostics(argument));
        }
    }

    /** What the harness knows of the object a wait was about, and the browser console, for failure messages. */
    protected String diagnostics(Object argument) {
        StringBuilder out = new StringBuilder(state(argument));
        synchronized (console) {
            out.append("\nbrowser console (").append(console.size()).append(" lines):");
            for (String line : console) {
                out.append("\n  ").append(line);
            }
        }
        List<String> logged = serverLog.linesOrWhy().stream().filter(line -> !line.isBlank()).toList();
        out.append("\nserver log while the page was open (").append(logged.size()).append(" lines, the last ")
                .append(SERVER_LOG_LINES).append(" shown):");
        for (String line : logged.subList(Math.max(0, logged.size() - SERVER_LOG_LINES), logged.size())) {
            out.append("\n  ").append(line);
        }
        return out.toString();
    }

    /**
     * What the harness knows of the object a wait was about: {@code harness.status(id)}, when the wait's argument is
     * an object's number or a list that starts with one.
     */
    private String state(Object argument) {
        Object id = argument instanceof List<?> list && !list.isEmpty() ? list.get(0) : argument;
        if (!(id instanceof Number)) {
            return "";
        }
        try {
            return "\nharness.status(" + id + "): " + page.evaluate("id => harness.status(id)", id);
        } catch (PlaywrightException e) {
            return "\nharness.status(" + id + ") unavailable: " + e.getMessage();
        }
    }
}
