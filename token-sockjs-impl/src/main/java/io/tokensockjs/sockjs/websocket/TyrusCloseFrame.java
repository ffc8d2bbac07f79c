package io.tokensockjs.sockjs.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the closing handshake of a Tyrus (Payara) websocket with a close frame only, so that the connection is torn
 * down where Tyrus tears down a close the client starts: on the socket's reading thread, when the client's answering
 * close frame arrives.
 *
 * <p>Why: on Payara Micro 6.2025.10 and 7.2026.11, {@code Session.close()} sends the close frame and at once closes the
 * servlet {@code WebConnection} on the calling thread, which resumes the upgrade's HTTP request, while the client's
 * answer (its close frame, or the end of the connection) is read on a container thread. About one such close in 300
 * leaves a Grizzly request object in use twice, and later requests of the server fail (upstream Payara issue 5432;
 * {@code ServerClosesIT}, README's Payara notes). Closes the client starts never did: there Tyrus reads the client's
 * close frame, answers it and closes the connection, all on the reading thread.
 *
 * <p>So the server writes the close frame itself, as raw bytes through Tyrus's public
 * {@code TyrusWebSocket.sendRawFrame} (reached through the package-private {@code TyrusRemoteEndpoint.webSocket} field
 * of the session's remote endpoint, read reflectively), and Tyrus, which does not know a close frame left, takes the client's answer for a close the
 * client started: it answers with a close frame of its own (after the handshake; clients ignore it) and tears down on
 * the reading thread. The client sees the server's code and reason in the first close frame, as with
 * {@code Session.close()}. A client that never answers is closed with {@code Session.close()} after
 * {@link #ANSWER_WAIT}: the race is then only with what such a client sends at that instant. Where the field or
 * method is not there (another Tyrus, another container), nothing is sent and the caller closes as usual.
 */
final class TyrusCloseFrame {

    private static final Logger LOG = Logger.getLogger(TyrusCloseFrame.class.getName());
    private static final String REMOTE_ENDPOINT = "org.glassfish.tyrus.core.TyrusRemoteEndpoint";

    /** How long a client has to answer the server's close frame before the server closes the connection itself. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

    /** {@code TyrusRemoteEndpoint.webSocket} and {@code TyrusWebSocket.sendRawFrame} of the Tyrus met last. */
    private record Access(Class<?> remoteType, Field webSocket, Method sendRawFrame) {
    }

    private static volatile Access access;

    private TyrusCloseFrame() {
    }

    /**
     * Starts the server's close of a Tyrus websocket: its close frame now, {@code Session.close()} after
     * {@link #ANSWER_WAIT} on {@code answers} if the client has not answered by then.
     *
     * @return false when nothing was started (not Tyrus, Tyrus's classes not as expected, the socket closed meanwhile,
     *         or {@code answers} refused the wait: then the frame may have left): the caller closes with
     *         {@code Session.close()}
     */
    static boolean start(Session socket, CloseReason reason, ScheduledExecutorService answers) {
        if (!send(socket, reason.getCloseCode().getCode(), reason.getReasonPhrase())) {
            return false;
        }
        try {
            answers.schedule(() -> WebSocketReceiver.close(socket, reason), ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "websocket close not scheduled; closing now", e);
            return false;
        }
    }

    /**
     * Sends a close frame with this code and reason on a Tyrus websocket, without closing it.
     *
     * @param code   a code valid in a close frame
     * @param reason at most 123 bytes of UTF-8
     * @return true if the frame was handed to Tyrus's writer; false for other containers, when Tyrus's classes are not
     *         as expected, or when the socket no longer takes frames: then the caller closes it with
     *         {@code Session.close()}
     */
    static boolean send(Session socket, int code, String reason) {
        Object remote;
        try {
            remote = socket.getAsyncRemote();
        } catch (IllegalStateException e) {
            // Tyrus's answer once the connection has closed (the client closed first).
            return false;
        }
        Access known = accessFor(remote.getClass());
        if (known == null) {
            return false;
        }
        try {
            Object webSocket = known.webSocket().get(remote);
            if (webSocket == null) {
                return false;
            }
            known.sendRawFrame().invoke(webSocket, frame(code, reason));
            return true;
        } catch (IllegalAccessException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "Tyrus close frame not sent", e);
            return false;
        } catch (InvocationTargetException e) {
            // Not connected any more (the client closed meanwhile), or the write failed.
            LOG.log(Level.FINE, "Tyrus close frame not sent", e.getCause());
            return false;
        }
    }

    /** An unmasked close frame, as a server sends it: FIN and opcode 8, the length, the code, the reason. */
    static ByteBuffer frame(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        if (text.length > 123) {
            throw new IllegalArgumentException("A close reason holds at most 123 bytes of UTF-8");
        }
        ByteBuffer frame = ByteBuffer.allocate(4 + text.length);
        frame.put((byte) 0x88).put((byte) (2 + text.length)).putShort((short) code).put(text);
        return frame.flip();
    }

    private static Access accessFor(Class<?> remoteType) {
        Access known = access;
        if (known != null && known.remoteType() == remoteType) {
            return known;
        }
        Access found = find(remoteType);
        if (found != null) {
            access = found;
        }
        return found;
    }

    private static Access find(Class<?> remoteType) {
        for (Class<?> type = remoteType; type != null; type = type.getSuperclass()) {
            if (!type.getName().equals(REMOTE_ENDPOINT)) {
                continue;
            }
            try {
                Field webSocket = type.getDeclaredField("webSocket");
                Method sendRawFrame = webSocket.getType().getMethod("sendRawFrame", ByteBuffer.class);
                webSocket.setAccessible(true);
                return new Access(remoteType, webSocket, sendRawFrame);
            } catch (NoSuchFieldException | NoSuchMethodException | RuntimeException e) {
                LOG.log(Level.FINE, "Tyrus's remote endpoint is not as expected; closes stay Session.close()", e);
                return null;
            }
        }
        return null;
    }
}
