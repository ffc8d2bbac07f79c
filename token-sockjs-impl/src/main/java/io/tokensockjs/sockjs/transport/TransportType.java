package io.tokensockjs.sockjs.transport;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The session transports: what each one's URL token, HTTP method and headers are. Routing asks this enum
 * instead of comparing strings.
 */
public enum TransportType {

    WEBSOCKET("websocket", "GET", Kind.WEBSOCKET, false, false, "websocket"),
    XHR("xhr", "POST", Kind.POLLING, true, false, "xhr-polling"),
    XHR_SEND("xhr_send", "POST", Kind.SENDING, true, false, "xhr-polling"),
    XHR_STREAMING("xhr_streaming", "POST", Kind.STREAMING, true, false, "xhr-streaming"),
    EVENTSOURCE("eventsource", "GET", Kind.STREAMING, false, false, "eventsource"),
    HTMLFILE("htmlfile", "GET", Kind.STREAMING, false, true, "htmlfile"),
    JSONP("jsonp", "GET", Kind.POLLING, false, true, "jsonp-polling"),
    JSONP_SEND("jsonp_send", "POST", Kind.SENDING, false, false, "jsonp-polling");

    /** What a transport does with its request. */
    public enum Kind {
        /** Upgraded to a websocket by the websocket endpoint; the servlet only sees failed upgrades. */
        WEBSOCKET,
        /** Receives one frame, then the response ends. */
        POLLING,
        /** Receives frames until the response limit. */
        STREAMING,
        /** Carries messages from the client. */
        SENDING
    }

    private static final Map<String, TransportType> BY_TOKEN =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(TransportType::token, Function.identity()));

    private final String token;
    private final String method;
    private final Kind kind;
    private final boolean answersOptions;
    private final boolean needsCallback;
    private final String protocolName;

    TransportType(String token, String method, Kind kind, boolean answersOptions, boolean needsCallback, String protocolName) {
        this.token = token;
        this.method = method;
        this.kind = kind;
        this.answersOptions = answersOptions;
        this.needsCallback = needsCallback;
        this.protocolName = protocolName;
    }

    /** The last segment of the session URL. */
    public String token() {
        return token;
    }

    /** The HTTP method the transport uses. */
    public String method() {
        return method;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether CORS preflight ({@code OPTIONS}) requests are answered: the XHR transports. */
    public boolean answersOptions() {
        return answersOptions;
    }

    /** Whether the {@code c} callback query parameter is required: htmlfile and jsonp. */
    public boolean needsCallback() {
        return needsCallback;
    }

    /** The transport's name in sockjs-client, reported by {@code SockJsConnection.protocol()}. */
    public String protocolName() {
        return protocolName;
    }

    /** The transport with this URL token, or null. */
    public static TransportType fromToken(String token) {
        return BY_TOKEN.get(token);
    }
}
