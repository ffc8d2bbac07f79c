package io.tokensockjs.sockjs.transport;

import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.JsessionidCookie;
import io.tokensockjs.sockjs.SockJsOptions;
import io.tokensockjs.sockjs.session.SockJsService;
import io.tokensockjs.sockjs.frame.BrokenJsonException;
import io.tokensockjs.sockjs.frame.ClientPayloads;
import io.tokensockjs.sockjs.session.RequestInfo;
import io.tokensockjs.sockjs.session.SockJsSession;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Every HTTP request under one service's prefix: the greeting, {@code /info}, the iframe page and the session
 * transports. Mapped to {@code <prefix>/*} with async support; receiving requests are handed to an
 * {@link HttpReceiver} and release their container thread at once.
 */
public final class SockJsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SockJsServlet.class.getName());

    private static final int MAX_CALLBACK_LENGTH = 256;

    private final transient SockJsService service;
    private final transient StaticAnswers answers;
    /** Whether answers carry CORS headers: all but with the disable_cors option. */
    private final boolean cors;
    /** Sets the sticky-session cookie on session answers; null without the jsessionid option. */
    private final transient JsessionidCookie cookie;

    public SockJsServlet(SockJsService service) {
        this.service = service;
        SockJsOptions options = service.options();
        this.answers = new StaticAnswers(options.sockjsUrl(), options.websocket(), options.cookieNeeded(), !options.disableCors());
        this.cors = !options.disableCors();
        this.cookie = options.jsessionidFunction() != null ? options.jsessionidFunction()
                : options.jsessionid() ? ResponseHeaders::jsessionid : null;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SockJsPath path = SockJsPath.parse(pathAfterPrefix(request));
        String method = request.getMethod();
        switch (path.kind()) {
            case GREETING -> {
                if (isGetOrHead(method)) {
                    answers.greeting(response);
                } else {
                    StaticAnswers.methodNotAllowed(response, "GET");
                }
            }
            case INFO -> {
                if (isGetOrHead(method)) {
                    answers.info(request, response);
                } else if ("OPTIONS".equals(method)) {
                    answers.preflight(request, response, "OPTIONS, GET");
                } else {
                    StaticAnswers.methodNotAllowed(response, "OPTIONS, GET");
                }
            }
            case IFRAME -> {
                if (isGetOrHead(method)) {
                    answers.iframe(request, response);
                } else {
                    StaticAnswers.methodNotAllowed(response, "GET");
                }
            }
            case RAW_WEBSOCKET -> websocketNotUpgraded(request, response);
            case SESSION -> session(request, response, path);
            case NOT_FOUND -> StaticAnswers.notFound(response);
        }
    }

    private void session(HttpServletRequest request, HttpServletResponse response, SockJsPath path) throws IOException {
        TransportType transport = TransportType.fromToken(path.transportToken());
        if (transport == null) {
            StaticAnswers.notFound(response);
            return;
        }
        if (transport == TransportType.WEBSOCKET) {
            websocketNotUpgraded(request, response);
            return;
        }
        String method = request.getMethod();
        if ("OPTIONS".equals(method) && transport.answersOptions()) {
            answers.preflight(request, response, "OPTIONS, POST");
            return;
        }
        if (!transport.method().equals(method)) {
            StaticAnswers.methodNotAllowed(response, transport.answersOptions() ? "OPTIONS, POST" : transport.method());
            return;
        }
        if (transport.kind() == TransportType.Kind.SENDING) {
            send(request, response, path.sessionId(), transport);
        } else {
            receive(request, response, path.sessionId(), transport);
        }
    }

    // ---- receiving transports ----------------------------------------------------------------------------

    private void receive(HttpServletRequest request, HttpServletResponse response, String sessionId, TransportType transport)
            throws IOException {
        String callback = null;
        if (transport.needsCallback()) {
            callback = queryParameter(request, "c");
            if (callback == null || callback.isEmpty()) {
                StaticAnswers.text(response, 500, "\"callback\" parameter required");
                return;
            }
            if (!isValidCallback(callback)) {
                StaticAnswers.text(response, 500, "invalid \"callback\" parameter");
                return;
            }
        }
        RequestInfo info = requestInfo(request, transport);
        SockJsSession session = service.sessions().getOrCreate(sessionId, () -> info);
        if (session == null) {
            LOG.warning(() -> "SockJS service " + service.name() + " holds its maximum of "
                    + service.options().maxSessions() + " sessions; refusing a new one");
            StaticAnswers.text(response, 503, "Too many sessions.");
            return;
        }
        session.requestSeen(info);
        SockJsOptions options = service.options();
        response.setStatus(200);
        ResponseHeaders.noCache(response);
        sessionHeaders(request, response);
        response.setHeader("Content-Type", transport.contentType());
        if (transport.isStreaming()) {
            // Commit the headers now: on Liberty the first flush of a response body sends nothing, so without
            // this the prelude and the open frame would wait for the next frame.
            response.flushBuffer();
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        new HttpReceiver(session, async, response.getOutputStream(), transport.frameFormat(callback), transport.isStreaming(),
                transport.isProbeable(), options.responseLimit(), transport.prelude(callback), service.scheduler()).start();
    }

    // ---- sending transports --------------------------------------------------------------------------------

    private void send(HttpServletRequest request, HttpServletResponse response, String sessionId, TransportType transport)
            throws IOException {
        SockJsSession session = service.sessions().get(sessionId);
        if (session == null) {
            StaticAnswers.notFound(response);
            return;
        }
        SockJsOptions options = service.options();
        byte[] body = readBody(request, options.maxMessageSize());
        if (body == null) {
            service.log().info(LOG, () -> "SockJS session " + session.id() + ": payload over "
                    + options.maxMessageSize() + " bytes; closing it");
            session.close(CloseStatus.MESSAGE_TOO_BIG);
            StaticAnswers.text(response, 413, "Payload too large.");
            return;
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        if (transport == TransportType.JSONP_SEND && isForm(request)) {
            try {
                payload = formField(payload, "d");
            } catch (IllegalArgumentException e) {
                payload = null;
                service.log().info(LOG, () -> "SockJS session " + session.id() + ": bad form encoding");
            }
        }
        if (payload == null || payload.isEmpty()) {
            StaticAnswers.text(response, 500, "Payload expected.");
            return;
        }
        List<String> messages;
        try {
            messages = ClientPayloads.parseArray(payload);
        } catch (BrokenJsonException e) {
            service.log().info(LOG, () -> "SockJS session " + session.id() + ": broken JSON (" + e.getMessage() + ")");
            StaticAnswers.text(response, 500, "Broken JSON encoding.");
            return;
        }
        session.receive(messages);
        ResponseHeaders.noCache(response);
        sessionHeaders(request, response);
        if (transport == TransportType.XHR_SEND) {
            response.setStatus(204);
            // Firefox takes a 204 without a type for XML and complains.
            response.setHeader("Content-Type", "text/plain; charset=UTF-8");
        } else {
            StaticAnswers.body(response, 200, "text/plain; charset=UTF-8", "ok".getBytes(StandardCharsets.US_ASCII));
        }
    }

    // ---- websocket URLs that were not upgraded -----------------------------------------------------------

    private void websocketNotUpgraded(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!service.options().websocket()) {
            StaticAnswers.notFound(response);
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            StaticAnswers.methodNotAllowed(response, "GET");
            return;
        }
        String upgrade = request.getHeader("Upgrade");
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            StaticAnswers.text(response, 400, "Can \"Upgrade\" only to \"WebSocket\".");
            return;
        }
        String connection = request.getHeader("Connection");
        if (connection == null || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
            StaticAnswers.text(response, 400, "\"Connection\" must be \"Upgrade\".");
            return;
        }
        StaticAnswers.text(response, 400, "Not a valid websocket request.");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** CORS (unless disabled) and the sticky-session cookie (when asked for), on every answer of a session transport. */
    private void sessionHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (cors) {
            ResponseHeaders.cors(request, response);
        }
        if (cookie != null) {
            cookie.set(request, response);
        }
    }

    /** The raw, still-encoded path after the context root and prefix: never the decoded path info. */
    private String pathAfterPrefix(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int start = request.getContextPath().length() + service.options().prefix().length();
        return start <= uri.length() ? uri.substring(start) : "";
    }

    private static boolean isGetOrHead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /**
     * The callback set of the protocol suite and sockjs-node, {@code [a-zA-Z0-9-_.]}: dotted names and dashes, no
     * parentheses, quotes or spaces, so it can be written into a script as it is.
     */
    static boolean isValidCallback(String callback) {
        if (callback.length() > MAX_CALLBACK_LENGTH) {
            return false;
        }
        for (int i = 0; i < callback.length(); i++) {
            char c = callback.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A query parameter, read from the raw query string so the request body is never parsed as a form. */
    private static String queryParameter(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        try {
            return formField(query, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The first value of a field of an {@code application/x-www-form-urlencoded} string, or null. */
    static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The request body, or null when it is longer than {@code limit} bytes. */
    private static byte[] readBody(HttpServletRequest request, int limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            return null;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (body.size() + read > limit) {
                    return null;
                }
                body.write(buffer, 0, read);
            }
        }
        return body.toByteArray();
    }

    private static RequestInfo requestInfo(HttpServletRequest request, TransportType transport) {
        String query = request.getQueryString();
        return new RequestInfo(request.getRemoteAddr(), request.getRemotePort(),
                RequestInfo.keptHeaders(name -> {
                    var values = request.getHeaders(name);
                    return values == null ? List.of() : Collections.list(values);
                }),
                query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query,
                transport.protocolName());
    }
}
