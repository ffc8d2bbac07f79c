package io.tokensockjs.sockjs.transport;

import io.tokensockjs.sockjs.frame.FrameFormat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The session transports as data: each one's URL token, HTTP method, content type, frame format and prelude.
 * Routing and the receiving side ask this enum instead of switching on the transport.
 */
public enum TransportType {

    WEBSOCKET("websocket", "GET", Kind.WEBSOCKET, false, false, "websocket", null, null, null),
    XHR("xhr", "POST", Kind.POLLING, true, false, "xhr-polling",
            "application/javascript; charset=UTF-8", callback -> FrameFormat.NEWLINE, null),
    XHR_SEND("xhr_send", "POST", Kind.SENDING, true, false, "xhr-polling", null, null, null),
    XHR_STREAMING("xhr_streaming", "POST", Kind.STREAMING, true, false, "xhr-streaming",
            "application/javascript; charset=UTF-8", callback -> FrameFormat.NEWLINE, callback -> Preludes.XHR_STREAMING),
    // No charset: the EventSource specification fixes UTF-8 and strict clients compare the type.
    EVENTSOURCE("eventsource", "GET", Kind.STREAMING, false, false, "eventsource",
            "text/event-stream", callback -> FrameFormat.EVENT_SOURCE, callback -> Preludes.EVENTSOURCE),
    HTMLFILE("htmlfile", "GET", Kind.STREAMING, false, true, "htmlfile",
            "text/html; charset=UTF-8", callback -> FrameFormat.htmlfile(), HtmlfilePrelude::forCallback),
    JSONP("jsonp", "GET", Kind.POLLING, false, true, "jsonp-polling",
            "application/javascript; charset=UTF-8", FrameFormat::jsonp, null),
    JSONP_SEND("jsonp_send", "POST", Kind.SENDING, false, false, "jsonp-polling", null, null, null);

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
    private final String contentType;
    private final Function<String, FrameFormat> format;
    private final Function<String, byte[]> prelude;

    TransportType(String token, String method, Kind kind, boolean answersOptions, boolean needsCallback, String protocolName,
            String contentType, Function<String, FrameFormat> format, Function<String, byte[]> prelude) {
        this.token = token;
        this.method = method;
        this.kind = kind;
        this.answersOptions = answersOptions;
        this.needsCallback = needsCallback;
        this.protocolName = protocolName;
        this.contentType = contentType;
        this.format = format;
        this.prelude = prelude;
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

    /** The content type of a receiving transport's response; null for the others. */
    public String contentType() {
        return contentType;
    }

    /** How a receiving transport wraps each frame, given the request's checked callback (null when it needs none). */
    public FrameFormat frameFormat(String callback) {
        if (format == null) {
            throw new IllegalStateException("not a receiving transport: " + this);
        }
        return format.apply(callback);
    }

    /** The bytes a streaming transport writes before any frame, or null. */
    public byte[] prelude(String callback) {
        return prelude == null ? null : prelude.apply(callback);
    }

    /** Whether frames stream in one response until the response limit, rather than one frame per response. */
    public boolean isStreaming() {
        return kind == Kind.STREAMING;
    }

    /**
     * Whether the client tolerates an extra heartbeat frame, with which the session probes a receiver whose client
     * may be gone. Not JSONP polling: its response runs as a script, and a second call of the callback in it would
     * throw away the frame that follows.
     */
    public boolean isProbeable() {
        return this != JSONP;
    }

    /** The transport with this URL token, or null. */
    public static TransportType fromToken(String token) {
        return BY_TOKEN.get(token);
    }

    /** The preludes, shared by every response (never written to: the receiver only reads them). */
    private static final class Preludes {
        /** 2 KiB of {@code h} and a newline: old browsers deliver nothing of a streamed XHR before that much. */
        static final byte[] XHR_STREAMING = ("h".repeat(2048) + "\n").getBytes(StandardCharsets.US_ASCII);
        static final byte[] EVENTSOURCE = "\r\n".getBytes(StandardCharsets.US_ASCII);
    }
}
