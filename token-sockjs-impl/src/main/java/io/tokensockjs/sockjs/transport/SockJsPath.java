package io.tokensockjs.sockjs.transport;

/**
 * What a request path under a service's prefix asks for.
 *
 * @param kind          the kind of request
 * @param sessionId     the session id of a session URL, else null
 * @param transportToken the last segment of a session URL, else null
 */
public record SockJsPath(Kind kind, String sessionId, String transportToken) {

    /** The kinds of URL under a prefix. */
    public enum Kind { GREETING, INFO, IFRAME, RAW_WEBSOCKET, SESSION, NOT_FOUND }

    private static final SockJsPath GREETING = new SockJsPath(Kind.GREETING, null, null);
    private static final SockJsPath INFO = new SockJsPath(Kind.INFO, null, null);
    private static final SockJsPath IFRAME = new SockJsPath(Kind.IFRAME, null, null);
    private static final SockJsPath RAW_WEBSOCKET = new SockJsPath(Kind.RAW_WEBSOCKET, null, null);
    private static final SockJsPath NOT_FOUND = new SockJsPath(Kind.NOT_FOUND, null, null);

    /**
     * Parses the raw (still percent-encoded) path that follows the prefix: {@code ""}, {@code "/"},
     * {@code "/info"}, {@code "/iframe.html"}, {@code "/websocket"} or {@code "/<server>/<session>/<transport>"}.
     * Server and session ids are non-empty and contain no dot.
     */
    public static SockJsPath parse(String rest) {
        if (rest.isEmpty() || rest.equals("/")) {
            return GREETING;
        }
        if (rest.charAt(0) != '/') {
            return NOT_FOUND;
        }
        switch (rest) {
            case "/info":
                return INFO;
            case "/websocket":
                return RAW_WEBSOCKET;
            default:
                break;
        }
        if (isIframe(rest)) {
            return IFRAME;
        }
        int second = rest.indexOf('/', 1);
        if (second < 0) {
            return NOT_FOUND;
        }
        int third = rest.indexOf('/', second + 1);
        if (third < 0 || rest.indexOf('/', third + 1) >= 0) {
            return NOT_FOUND;
        }
        String server = rest.substring(1, second);
        String session = rest.substring(second + 1, third);
        String transport = rest.substring(third + 1);
        if (!isId(server) || !isId(session) || transport.isEmpty()) {
            return NOT_FOUND;
        }
        return new SockJsPath(Kind.SESSION, session, transport);
    }

    /** {@code /iframe.html} or {@code /iframe-<version>.html} with a version free of slashes. */
    private static boolean isIframe(String rest) {
        if (rest.equals("/iframe.html")) {
            return true;
        }
        return rest.startsWith("/iframe-") && rest.endsWith(".html") && rest.indexOf('/', 1) < 0;
    }

    private static boolean isId(String segment) {
        return !segment.isEmpty() && segment.indexOf('.') < 0;
    }
}
