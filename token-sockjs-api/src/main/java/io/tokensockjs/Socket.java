package io.tokensockjs;

import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An authenticated client socket. */
public interface Socket {

    /** A server-made identifier, unique in this server. */
    String id();

    /** The authentication data attached when the token was issued, as JSON ({@code JsonValue.NULL} when none). */
    JsonValue authData();

    /** The authentication data bound with JSON-B to a type. */
    <T> T authData(Class<T> type);

    /**
     * The socket's user, from its authentication data ({@code token-sockjs.cluster.user-key}, or the application's
     * {@link UserResolver}); null when none is configured or the data names none.
     */
    String user();

    /** The channels the socket is subscribed to. */
    Set<String> channels();

    /** When the socket was authenticated. */
    Instant created();

    /** The {@code Host} header of the token request. */
    String host();

    /** The client address of the token request: the first {@code X-Forwarded-For} entry, else the peer address. */
    String ip();

    /** Every address of the token request: the {@code X-Forwarded-For} chain, then the peer address. */
    List<String> ips();

    /** Whether the socket is still open. */
    boolean isOpen();

    /** Closes the socket. */
    void close();
}
