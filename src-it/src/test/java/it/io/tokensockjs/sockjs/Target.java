package it.io.tokensockjs.sockjs;

import java.net.URI;
import java.util.UUID;

/**
 * Where the test application runs: host, port and the paths of its four SockJS services. The one place tests
 * learn a URL from. The port and context root come from failsafe ({@code it.http.port}, {@code it.context.root}),
 * which takes them from the pom, so tests never hard-code a port another engineer's server may be using.
 */
final class Target {

    /** Liberty listens on the loopback address only (server.xml, {@code http.host}). */
    static final String HOST = "127.0.0.1";

    /** The services the sockjs-protocol suite drives, as the test application registers them. */
    enum Service {
        /** Echoes every message; response limit 4096 bytes. */
        ECHO("echo"),
        /** Closes every session with {@code 3000 "Go away!"} right after it opens. */
        CLOSE("close"),
        /** Echo without the websocket transports. */
        DISABLED_WEBSOCKET_ECHO("disabled_websocket_echo"),
        /** Echo with the JSESSIONID option on. */
        COOKIE_NEEDED_ECHO("cookie_needed_echo");

        private final String name;

        Service(String name) {
            this.name = name;
        }

        /** The service's base path, for example {@code /it/echo}: never ends with a slash. */
        String path() {
            return contextRoot() + "/" + name;
        }

        /** A session URL path with a fresh session id: {@code /it/echo/000/<uuid>}, to append a transport to. */
        String newSession() {
            return path() + "/000/" + UUID.randomUUID();
        }
    }

    private Target() {
    }

    static int port() {
        String port = System.getProperty("it.http.port");
        if (port == null) {
            throw new IllegalStateException("it.http.port is not set: run the tests through failsafe (mvn verify)");
        }
        return Integer.parseInt(port);
    }

    static String contextRoot() {
        return System.getProperty("it.context.root", "/it");
    }

    /** The {@code ws://} URI of a path on the server. */
    static URI websocket(String path) {
        return URI.create("ws://" + HOST + ":" + port() + path);
    }
}
