package it.io.tokensockjs.sockjs.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

/**
 * One Chromium per test class and a fresh test page, in a fresh browser context, per test case. A failed case
 * leaves a screenshot of its page under {@code target/browser-failures/}.
 *
 * @param <P> the test page the tests drive
 */
public abstract class ChromiumTests<P extends TestPage> {

    /** Where tests leave their screenshots: the module's {@code target/}. */
    public static final Path OUTPUT_DIR = Path.of(System.getProperty("it.output.dir", "target"));

    private static Chromium chromium;

    /** The page of the running test case. */
    protected P harness;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && harness != null) {
            String method = context.getRequiredTestMethod().getName();
            String display = context.getDisplayName();
            String name = display.startsWith(method) ? method : method + "-" + display;
            harness.screenshot(OUTPUT_DIR.resolve("browser-failures").resolve(getClass().getSimpleName())
                    .resolve(name.replaceAll("[^A-Za-z0-9_.-]+", "_") + ".png"));
        }
    };

    /** Opens the test page in a new context of the class's browser. */
    protected abstract P openPage(Chromium chromium);

    @BeforeEach
    void openTestPage() {
        harness = openPage(chromium);
    }

    @AfterEach
    void closeTestPage() {
        if (harness != null) {
            harness.close();
            harness = null;
        }
    }
}
