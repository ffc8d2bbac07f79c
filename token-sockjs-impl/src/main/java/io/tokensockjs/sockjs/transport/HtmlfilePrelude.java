package io.tokensockjs.sockjs.transport;

import java.nio.charset.StandardCharsets;

/** The page the htmlfile transport starts with: it wires {@code p()} to the parent's callback. */
final class HtmlfilePrelude {

    private static final String TEMPLATE = """
            <!doctype html>
            <html><head>
              <meta http-equiv="X-UA-Compatible" content="IE=edge" />
              <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
            </head><body><h2>Don't panic!</h2>
              <script>
                document.domain = document.domain;
                var c = parent.%s;
                c.start();
                function p(d) {c.message(d);};
                window.onload = function() {c.stop();};
              </script>
            """;

    private HtmlfilePrelude() {
    }

    /**
     * The page for a callback already checked to hold only {@code [A-Za-z0-9-_.]}, padded past 1 KiB with
     * spaces because old browsers render nothing of a streamed page before that much has arrived.
     */
    static byte[] forCallback(String callback) {
        String page = TEMPLATE.formatted(callback);
        int padding = Math.max(0, 1024 - page.length() + 14);
        return (page + " ".repeat(padding) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
