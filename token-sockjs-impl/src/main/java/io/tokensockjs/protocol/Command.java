package io.tokensockjs.protocol;

/**
 * The protocol's own commands, named by a message's {@code rpc}; any other name is a function the client calls.
 * Reserved: controller functions cannot take these names ({@code auth} and anything starting with {@code _}).
 */
public enum Command {
    /** {@code {"rpc":"auth","token":T}}: the handshake, the first message of every socket. */
    AUTH("auth"),
    /** {@code {"rpc":"_rpc","fid":F,"resp":R}}: the client's answer to a call the server made. */
    CALL_ANSWER("_rpc"),
    SUBSCRIBE("_subscribe"),
    UNSUBSCRIBE("_unsubscribe"),
    PUBLISH("_publish"),
    BROADCAST("_broadcast"),
    /** {@code {"rpc":"_history","req":{"channel":C,"since":N,"epoch":E,"limit":L}}}: a channel's kept messages. */
    HISTORY("_history"),
    /** The browser client's keep-alive, answered when {@code token-sockjs.ping} is on. */
    PING("_ping"),
    /** {@code {"rpc":"_presence","req":{"channel":C}}}: who is on a channel the socket is subscribed to. */
    PRESENCE("_presence");

    private final String wire;

    Command(String wire) {
        this.wire = wire;
    }

    /** The name on the wire, as {@code rpc}. */
    public String wire() {
        return wire;
    }

    /** Whether publish/subscribe handles it. */
    public boolean isChannelCommand() {
        return this == SUBSCRIBE || this == UNSUBSCRIBE || this == PUBLISH || this == BROADCAST || this == HISTORY;
    }

    /** The command named by an {@code rpc}, or null for a function name (and for null). */
    public static Command of(String rpc) {
        if (rpc == null) {
            return null;
        }
        return switch (rpc) {
            case "auth" -> AUTH;
            case "_rpc" -> CALL_ANSWER;
            case "_subscribe" -> SUBSCRIBE;
            case "_unsubscribe" -> UNSUBSCRIBE;
            case "_publish" -> PUBLISH;
            case "_broadcast" -> BROADCAST;
            case "_history" -> HISTORY;
            case "_ping" -> PING;
            case "_presence" -> PRESENCE;
            default -> null;
        };
    }
}
