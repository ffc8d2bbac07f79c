package io.tokensockjs.sockjs.websocket;

import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.session.Receiver;
import io.tokensockjs.sockjs.session.SockJsSession;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A websocket attached to a session for its whole life. Sends asynchronously, one message in flight at a
 * time (what the Jakarta WebSocket API allows), so that a client that does not read never blocks a writer.
 *
 * <p>Not basic (blocking) sends, although on Liberty they cost less per message: Liberty writes them with no timeout,
 * and closing the session does not release a thread blocked in one (it stays there after the socket is closed, and the
 * close itself may block writing its close frame behind it): {@code benchmarks/results/2026-12-07-blocking-send.md}.
 *
 * <p>Every method synchronises on the session, the one lock of the session's outbound side.
 *
 * <p>Where the container writes an asynchronous send on the caller's thread and completes it there (Tyrus, on
 * Payara), a receiver may be given a {@code sender}: a send made outside the socket's own message handler (a channel
 * message on the broker's subscriber thread, a heartbeat) is then written on the sender's thread, and what the
 * session is given meanwhile waits in its queue and leaves with the next send as one frame. The broker's one
 * subscriber thread then only queues, and a socket that gets many messages quickly gets them in a few frames, as on
 * containers whose sends complete on their own threads. Sends from inside the message handler (the answer to a call)
 * stay on the reading thread: written at once, with the container's per-thread buffers.
 */
final class WebSocketReceiver implements Receiver {

    private static final Logger LOG = Logger.getLogger(WebSocketReceiver.class.getName());

    private final SockJsSession session;
    private final Session socket;
    private final boolean raw;
    private final Executor closer;
    /** The context class loader sends run with ({@link SendLoader}); null to keep the caller's. */
    private final ClassLoader sendLoader;
    /** The caller's context class loader during a send: what a completion inside that send runs with. */
    private volatile ClassLoader callerLoader;
    /** Two slots, not 16: kept for the socket's life, empty while it idles; grows once when sends pile up. */
    private final ArrayDeque<String> waiting = new ArrayDeque<>(2);
    /** One completion handler for every send, rather than a method reference made per send (per message). */
    private final SendHandler onSent = this::sent;
    /** Where sends from other threads than the reading one are written; null to write every send on its caller. */
    private final Executor sender;
    /**
     * Where the close of a socket whose client did not answer the server's close frame waits; null to close with
     * {@code Session.close()} at once (see {@link #closeSocket}).
     */
    private final ScheduledExecutorService closeFrameAnswers;
    /** The thread inside this socket's message handler (or its opening), if any: its sends are written at once. */
    private volatile Thread reading;
    private boolean inFlight;
    private boolean sending;
    private CloseStatus closeAfterSend;
    private boolean closed;

    /**
     * @param closer closes the socket off the caller's thread: {@code end} is called under the session's monitor,
     *               and the container's close may wait for its own reading thread, which may be waiting for that
     *               monitor to deliver the client's close; and a close may wait for seconds, so not on a thread
     *               of the server's shared pool ({@code Scheduling.closer()})
     */
    WebSocketReceiver(SockJsSession session, Session socket, boolean raw, Executor closer) {
        this(session, socket, raw, closer, SendLoader.forContainerOf(socket), null, null);
    }

    /**
     * @param sendLoader the context class loader sends run with, null to keep the caller's ({@link SendLoader})
     * @param sender     writes the sends made outside the socket's message handler, null to write each on its
     *                   caller's thread (see the class comment)
     * @param closeFrameAnswers on Tyrus: where a close waits for the client's answer to the server's close frame
     *                   ({@link TyrusCloseFrame}); null to close with {@code Session.close()} at once
     */
    WebSocketReceiver(SockJsSession session, Session socket, boolean raw, Executor closer, ClassLoader sendLoader,
            Executor sender, ScheduledExecutorService closeFrameAnswers) {
        this.session = session;
        this.socket = socket;
        this.raw = raw;
        this.closer = closer;
        this.sendLoader = sendLoader;
        this.sender = sender;
        this.closeFrameAnswers = closeFrameAnswers;
    }

    /**
     * Marks the calling thread as the socket's reading thread (true) until it leaves the handler (false): its sends
     * are written at once. Without a sender every send is, and nothing is marked (no volatile write per message).
     */
    void reading(boolean inside) {
        if (sender != null) {
            reading = inside ? Thread.currentThread() : null;
        }
    }

    @Override
    public boolean isRaw() {
        return raw;
    }

    @Override
    public boolean isReady() {
        return !inFlight && !closed;
    }

    @Override
    public boolean send(String frame) throws IOException {
        if (closed) {
            throw new IOException("websocket already closed");
        }
        if (inFlight) {
            // Only one asynchronous send may be outstanding. The session hands a busy receiver only its close
            // frame, and ends it at once: the frame follows the one in flight, then the socket closes.
            waiting.add(frame);
            return false;
        }
        startSend(frame);
        return false;
    }

    private void startSend(String frame) throws IOException {
        inFlight = true;
        if (sender != null && Thread.currentThread() != reading) {
            try {
                sender.execute(() -> sendOnSender(frame));
            } catch (RejectedExecutionException e) {
                inFlight = false;
                throw new IOException("websocket send not handed over", e);
            }
            return;
        }
        sending = true;
        try {
            write(frame);
        } catch (RuntimeException e) {
            inFlight = false;
            throw new IOException("websocket send failed", e);
        } finally {
            sending = false;
        }
    }

    /** A send handed to the sender, written there, outside the session's monitor (one is in flight at a time). */
    private void sendOnSender(String frame) {
        try {
            write(frame);
        } catch (RuntimeException e) {
            // The socket closed meanwhile: as a failed send, which detaches the session's receiver and closes.
            completed(new SendResult(e));
        }
    }

    private void write(String frame) {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        if (sendLoader != null) {
            callerLoader = caller;
            thread.setContextClassLoader(sendLoader);
        }
        try {
            socket.getAsyncRemote().sendText(frame, onSent);
        } finally {
            if (sendLoader != null) {
                thread.setContextClassLoader(caller);
            }
        }
    }

    /**
     * The container's completion of a send. Completed inside the send itself, it runs what follows (the next send,
     * the session's queue, a close) with the caller's context class loader, not the one the send ran with.
     */
    private void sent(SendResult result) {
        Thread thread = Thread.currentThread();
        ClassLoader during = thread.getContextClassLoader();
        boolean insideSend = sendLoader != null && during == sendLoader;
        if (insideSend) {
            thread.setContextClassLoader(callerLoader);
        }
        try {
            completed(result);
        } finally {
            if (insideSend) {
                thread.setContextClassLoader(during);
            }
        }
    }

    private void completed(SendResult result) {
        boolean ok = result.isOK();
        boolean wasSending;
        boolean sendingNext = false;
        CloseStatus pendingClose;
        synchronized (session) {
            inFlight = false;
            wasSending = sending;
            if (!ok) {
                LOG.log(Level.FINE, "websocket send failed: " + result.getException());
            } else if (!waiting.isEmpty() && !closed) {
                try {
                    startSend(waiting.poll());
                    sendingNext = true;
                } catch (IOException e) {
                    LOG.log(Level.FINE, "websocket send failed", e);
                    ok = false;
                }
            }
            pendingClose = closeAfterSend;
        }
        if (!ok) {
            // Possibly inside send(), under the session's monitor: detaching may reach the handler, so not here.
            closer.execute(() -> {
                session.detach(this, true);
                closeSocket(CloseStatus.CONNECTION_INTERRUPTED);
            });
        } else if (sendingNext) {
            // The next completion carries on.
            return;
        } else if (pendingClose != null) {
            closer.execute(() -> closeSocket(pendingClose));
        } else if (!wasSending) {
            // Completed later, on another thread: let the session send what queued meanwhile. (Completed inside
            // send() itself, the session's own loop carries on.)
            session.receiverWritable(this);
        }
    }

    @Override
    public void end(CloseStatus status) {
        CloseStatus reason = status == null ? CloseStatus.NORMAL : status;
        if (inFlight) {
            closeAfterSend = reason;
            return;
        }
        closer.execute(() -> closeSocket(reason));
    }

    /**
     * Closes the socket on the calling thread. Only for the endpoint's own reading thread, holding no lock: there the
     * container closes at once, while a close from another thread may wait for that reading thread (a client still
     * sending a huge message keeps it busy).
     */
    void closeNow(CloseStatus status) {
        closeSocket(status);
    }

    private void closeSocket(CloseStatus status) {
        synchronized (session) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (!socket.isOpen()) {
            return;
        }
        CloseReason reason = new CloseReason(CloseReason.CloseCodes.getCloseCode(wireCode(status.code())),
                truncate(status.reason()));
        if (closeFrameAnswers == null || !TyrusCloseFrame.start(socket, reason, closeFrameAnswers)) {
            close(socket, reason);
        }
    }

    /** {@code Session.close} if the socket is open; a failure only logged (the socket is gone either way). */
    static void close(Session socket, CloseReason reason) {
        try {
            if (socket.isOpen()) {
                socket.close(reason);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "websocket close failed", e);
        }
    }

    /** SockJS codes such as 2010 are not valid in a websocket close frame; those go out as 1000. */
    static int wireCode(int code) {
        boolean valid = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1011) || (code >= 3000 && code <= 4999);
        return valid ? code : 1000;
    }

    /** A close reason must fit in 123 bytes of UTF-8. */
    private static String truncate(String reason) {
        String cut = reason;
        while (cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }
}
