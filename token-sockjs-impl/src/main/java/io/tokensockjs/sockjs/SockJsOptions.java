package io.tokensockjs.sockjs;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one SockJS service, named and defaulted as in sockjs-node, plus the limits that keep a
 * hostile client from hurting the others.
 *
 * @param prefix          where the service lives under the context root, for example {@code /echo}; no trailing slash
 * @param sockjsUrl       the sockjs-client script the iframe page loads; must be the same version as the page's
 * @param responseLimit   bytes a streaming response carries before it is ended, so the browser can free them (128 KiB)
 * @param websocket       whether the websocket transports are offered (true)
 * @param jsessionid      whether HTTP transports set a {@code JSESSIONID} cookie for sticky load balancers (false)
 * @param heartbeatDelay  quiet time after which a heartbeat frame is sent (25 s)
 * @param disconnectDelay time a session survives with no receiving request attached (5 s)
 * @param log             whether connections and protocol errors are logged at INFO instead of FINE (false)
 * @param maxMessageSize  the largest payload a client may send in one request or websocket message (256 KiB)
 * @param maxQueuedBytes  bytes that may wait for a client that does not read before its session is closed (1 MiB)
 * @param maxSessions     sessions the service holds at once; new ones are refused beyond it (100,000)
 * @param disableCors     whether answers carry no CORS headers at all, for clients known to be on the same origin (false)
 * @param jsessionidFunction sets the sticky-session cookie instead of the default one (sockjs-node's jsessionid given
 *                        as a function), or null
 * @param logFunction     receives the service's connection and protocol-error log lines instead of java.util.logging
 *                        (sockjs-node's log function), or null
 */
public record SockJsOptions(
        String prefix,
        String sockjsUrl,
        int responseLimit,
        boolean websocket,
        boolean jsessionid,
        Duration heartbeatDelay,
        Duration disconnectDelay,
        boolean log,
        int maxMessageSize,
        int maxQueuedBytes,
        int maxSessions,
        boolean disableCors,
        JsessionidCookie jsessionidFunction,
        SockJsLog logFunction) {

    /** The sockjs-client the iframe page loads unless told otherwise (sockjs-node's default, on a public CDN). */
    public static final String DEFAULT_SOCKJS_URL = "https://cdn.jsdelivr.net/npm/sockjs-client@1.6.1/dist/sockjs.min.js";

    public SockJsOptions {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("*")) {
            throw new IllegalArgumentException("A SockJS prefix starts with '/', does not end with '/' and has no '*': " + prefix);
        }
        Objects.requireNonNull(sockjsUrl, "sockjsUrl");
        Objects.requireNonNull(heartbeatDelay, "heartbeatDelay");
        Objects.requireNonNull(disconnectDelay, "disconnectDelay");
        requirePositive(responseLimit, "responseLimit");
        requirePositive(maxMessageSize, "maxMessageSize");
        requirePositive(maxQueuedBytes, "maxQueuedBytes");
        requirePositive(maxSessions, "maxSessions");
        if (heartbeatDelay.isNegative() || heartbeatDelay.isZero() || disconnectDelay.isNegative() || disconnectDelay.isZero()) {
            throw new IllegalArgumentException("heartbeatDelay and disconnectDelay must be positive");
        }
    }

    /** The sockjs-node defaults for a service at the given prefix. */
    public static SockJsOptions defaults(String prefix) {
        return new SockJsOptions(prefix, DEFAULT_SOCKJS_URL, 128 * 1024, true, false,
                Duration.ofSeconds(25), Duration.ofSeconds(5), false, 256 * 1024, 1024 * 1024, 100_000, false, null, null);
    }

    /** Whether answers set a sticky-session cookie (and {@code /info} says {@code cookie_needed}). */
    public boolean cookieNeeded() {
        return jsessionid || jsessionidFunction != null;
    }

    public SockJsOptions withSockjsUrl(String value) {
        return new SockJsOptions(prefix, value, responseLimit, websocket, jsessionid, heartbeatDelay,
                disconnectDelay, log, maxMessageSize, maxQueuedBytes, maxSessions, disableCors, jsessionidFunction, logFunction);
    }

    public SockJsOptions withResponseLimit(int value) {
        return new SockJsOptions(prefix, sockjsUrl, value, websocket, jsessionid, heartbeatDelay, disconnectDelay,
                log, maxMessageSize, maxQueuedBytes, maxSessions, disableCors, jsessionidFunction, logFunction);
    }

    public SockJsOptions withWebsocket(boolean value) {
        return new SockJsOptions(prefix, sockjsUrl, responseLimit, value, jsessionid, heartbeatDelay,
                disconnectDelay, log, maxMessageSize, maxQueuedBytes, maxSessions, disableCors, jsessionidFunction, logFunction);
    }

    public SockJsOptions withJsessionid(boolean value) {
        return new SockJsOptions(prefix, sockjsUrl, responseLimit, websocket, value, heartbeatDelay, disconnectDelay,
                log, maxMessageSize, maxQueuedBytes, maxSessions, disableCors, jsessionidFunction, logFunction);
    }

    public SockJsOptions withHeartbeatDelay(Duration value) {
        return new SockJsOptions(prefix, sockjsUrl, responseLimit, websocket, jsessionid, value, disconnectDelay,
                log, maxMessageSize, maxQueuedBytes, maxSessions, disableCors, jsessionidFunction, logFunction);
    }

    public SockJsOptions withDisconnectDelay(Duration value) {
        return new SockJsOptions(prefix, sockjsUrl, responseLimit, websocket, jsessionid, heartbeatDelay, value, log,
                maxMessageSize, maxQueuedBytes, maxSessions, disableCors, jsessionidFunction, logFunction);
    }

    public SockJsOptions withLog(boolean value) {
        return new SockJsOptions(prefix, sockjsUrl, responseLimit, websocket, jsessionid, heartbeatDelay,
                disconnectDelay, value, maxMessageSize, maxQueuedBytes, maxSessions, disableCors, jsessionidFunction, logFunction);
    }

    public SockJsOptions withMaxMessageSize(int value) {
        return new SockJsOptions(prefix, sockjsUrl, responseLimit, websocket, jsessionid, heartbeatDelay,
                disconnectDelay, log, value, maxQueuedBytes, maxSessions, disableCors, jsessionidFunction, logFunction);
    }

    public SockJsOptions withMaxQueuedBytes(int value) {
        return new SockJsOptions(prefix, sockjsUrl, responseLimit, websocket, jsessionid, heartbeatDelay,
                disconnectDelay, log, maxMessageSize, value, maxSessions, disableCors, jsessionidFunction, logFunction);
    }

    public SockJsOptions withMaxSessions(int value) {
        return new SockJsOptions(prefix, sockjsUrl, responseLimit, websocket, jsessionid, heartbeatDelay,
                disconnectDelay, log, maxMessageSize, maxQueuedBytes, value, disableCors, jsessionidFunction, logFunction);
    }

    public SockJsOptions withDisableCors(boolean value) {
        return new SockJsOptions(prefix, sockjsUrl, responseLimit, websocket, jsessionid, heartbeatDelay,
                disconnectDelay, log, maxMessageSize, maxQueuedBytes, maxSessions, value, jsessionidFunction, logFunction);
    }

    public SockJsOptions withJsessionidFunction(JsessionidCookie value) {
        return new SockJsOptions(prefix, sockjsUrl, responseLimit, websocket, jsessionid, heartbeatDelay,
                disconnectDelay, log, maxMessageSize, maxQueuedBytes, maxSessions, disableCors, value, logFunction);
    }

    public SockJsOptions withLogFunction(SockJsLog value) {
        return new SockJsOptions(prefix, sockjsUrl, responseLimit, websocket, jsessionid, heartbeatDelay,
                disconnectDelay, log, maxMessageSize, maxQueuedBytes, maxSessions, disableCors, jsessionidFunction, value);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
