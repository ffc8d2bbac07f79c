package it.io.tokensockjs.ops;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.tokensockjs.client.TokenSocketClient;

import it.io.tokensockjs.sockjs.browser.Chromium;

import jakarta.json.Json;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in headless Chromium: it asks for the secret, shows the sockets (hostile authentication data as text,
 * never markup), its charts fill as it polls, and its close button closes a socket. Screenshots go to
 * {@code target/screenshots/}.
 */
public class DashboardIT {

    /** A user name a client chose: markup and script that must stay text. */
    private static final String HOSTILE = "<img src=x onerror=\"window.__pwned=1\">\"><script>window.__pwned=2</script>";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Chromium chromium;
    private final List<TokenSocketClient> clients = new ArrayList<>();
    private BrowserContext context;

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void shutDown() {
        chromium.close();
    }

    @AfterEach
    void closeAll() {
        if (context != null) {
            context.close();
        }
        clients.forEach(TokenSocketClient::close);
    }

    private TokenSocketClient connect(String user) throws Exception {
        TokenSocketClient client = OpsServer.client(user, "user").connect().toCompletableFuture().join();
        clients.add(client);
        return client;
    }

    @Test
    void showsSocketsAsTextAndClosesOne() throws Exception {
        TokenSocketClient hostile = connect(HOSTILE);
        TokenSocketClient calm = connect("ops-dashboard-calm");
        hostile.subscribe("<b>ops-room</b>").toCompletableFuture().join();
        calm.subscribe("<b>ops-room</b>").toCompletableFuture().join();
        for (int i = 0; i < 20; i++) {
            calm.rpc("math.add", Json.createObjectBuilder().add("a", i).add("b", 1).build()).toCompletableFuture().join();
        }
        HttpResponse<String> listed = OpsServer.admin("GET", "/sockets?q=" + OpsServer.encode("__pwned=1"), null);
        String hostileId = Json.createReader(new StringReader(listed.body())).readObject()
                .getJsonArray("sockets").getJsonObject(0).getString("id");

        context = chromium.newContext();
        Page page = context.newPage();
        page.setViewportSize(1280, 900);
        page.navigate(OpsServer.BASE + "/token-sockjs/dashboard");

        // No credential yet: the page holds no data and asks for the secret.
        page.waitForSelector("#login:not([hidden])");
        assertEquals("the admin secret is needed", page.textContent("#status"));
        assertEquals(0, page.locator("#sockets tbody tr").count());
        page.fill("#secret", "not-the-secret-at-all");
        page.click("#login button");
        page.waitForFunction("() => document.getElementById('status').textContent === 'that secret is not the admin secret'");

        page.fill("#secret", OpsServer.SECRET);
        page.click("#login button");
        String row = "#sockets tr[data-socket=\"" + hostileId + "\"]";
        page.waitForSelector(row);
        // A few polls with some traffic, so that the charts have lines.
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 5 * i; j++) {
                calm.rpc("math.add", Json.createObjectBuilder().add("a", j).add("b", 1).build()).toCompletableFuture().join();
            }
            page.waitForTimeout(500);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard.png")).setFullPage(true));

        // The auth column shows the authentication data as JSON: the name, its quotes escaped.
        String asJson = Json.createValue(HOSTILE).toString();
        String shown = page.locator(row + " td:nth-child(2)").textContent();
        assertTrue(shown.contains(asJson.substring(1, asJson.length() - 1)), "the user name shows as text: " + shown);
        assertEquals(0, page.locator("#sockets img, #sockets script, #channels b").count(), "no markup from the data");
        assertNull(page.evaluate("() => window.__pwned"), "no script from the data ran");
        assertTrue(page.locator("#channels").textContent().contains("<b>ops-room</b>"));
        assertTrue(page.locator("#latency").textContent().contains("ms"), page.locator("#latency").textContent());

        page.click(row + " button.close");
        assertEquals(3000, hostile.closed().toCompletableFuture().get(10, TimeUnit.SECONDS).code());
        page.waitForSelector(row, new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-after-close.png")).setFullPage(true));
        assertTrue(calm.isOpen(), "only that socket closed");
    }

    @Test
    void assetsCarryAStrictPolicy() throws Exception {
        HttpResponse<String> shell = OpsServer.get(OpsServer.BASE + "/token-sockjs/dashboard", null);
        assertEquals(200, shell.statusCode());
        String policy = shell.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("default-src 'none'"), policy);
        assertTrue(shell.body().contains("content=\"/it/token-sockjs/admin\""), "the page knows where the API is");
        assertEquals(200, OpsServer.get(OpsServer.BASE + "/token-sockjs/dashboard/dashboard.js", null).statusCode());
        assertEquals(404, OpsServer.get(OpsServer.BASE + "/token-sockjs/dashboard/../WEB-INF/web.xml", null).statusCode());
        assertEquals(404, OpsServer.get(OpsServer.BASE + "/token-sockjs/dashboard/nothing.js", null).statusCode());
    }
}
