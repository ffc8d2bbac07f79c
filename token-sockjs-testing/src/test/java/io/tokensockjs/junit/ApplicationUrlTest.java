package io.tokensockjs.junit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the application is: the extension's setting, the kit's property, or MicroShed's manual mode. */
class ApplicationUrlTest {

    private static final String[] PROPERTIES = {ApplicationUrl.PROPERTY, "microshed_manual_env", "microshed_hostname",
            "microshed_http_port", "microshed_app_context_root"};

    @AfterEach
    void clear() {
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
    }

    @Test
    void theExtensionsSettingComesFirstThenTheKitsProperty() {
        System.setProperty(ApplicationUrl.PROPERTY, "http://127.0.0.1:1/kit");
        assertEquals(URI.create("http://127.0.0.1:2/set"), ApplicationUrl.resolve(URI.create("http://127.0.0.1:2/set")));
        assertEquals(URI.create("http://127.0.0.1:1/kit"), ApplicationUrl.resolve(null));
    }

    @Test
    void microShedsManualModeTellsWhereTheServerTheBuildStartedRuns() {
        System.setProperty("microshed_manual_env", "true");
        System.setProperty("microshed_hostname", "127.0.0.1");
        System.setProperty("microshed_http_port", "19090");
        System.setProperty("microshed_app_context_root", "/sample");
        assertEquals(URI.create("http://127.0.0.1:19090/sample"), URI.create(ApplicationUrl.resolve(null).toString().replaceAll("/$", "")));
    }

    @Test
    void withoutAnyOfThemTheErrorSaysWhatToSet() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> ApplicationUrl.resolve(null));
        assertTrue(error.getMessage().contains(ApplicationUrl.PROPERTY) && error.getMessage().contains("microshed_hostname"), error.getMessage());
    }
}
