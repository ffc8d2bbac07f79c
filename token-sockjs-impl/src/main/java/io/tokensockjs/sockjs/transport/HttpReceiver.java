package io.tokensockjs.sockjs.transport;

import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.frame.FrameFormat;
import io.tokensockjs.sockjs.frame.SockJsFrames;
import io.tokensockjs.sockjs.session.Receiver;
import io.tokensockjs.sockjs.session.SockJsSession;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A receiving HTTP request (polling or streaming) attached to a session.
 *
 * <p>Bytes reach the response only on a writer task of its own, never on the thread that produced the frame and
 * never under the session's lock. Non-blocking servlet output does not keep writes from blocking everywhere: on
 * Open Liberty, {@code write} and {@code flush} of a stream with a {@link WriteListener} are blocking socket writes
 * that wait, up to the container's write timeout, for a client that does not read. Done on the caller's thread, one
 * such client would hold the request that sent a message, the timer of every session of the service, and the
 * session's lock. Here it holds one writer task; while that write is in progress the receiver says it is not
 * ready, so frames wait in the session, where {@code max-queued-bytes} bounds them. Where the container's output
 * is truly non-blocking, the writer also waits for {@link #onWritePossible()} whenever {@code isReady()} is false.
 *
 * <p>State is guarded by the session's monitor, the one lock of the session's outbound side.
 */
final class HttpReceiver implements Receiver, WriteListener, AsyncListener {

    private static final Logger LOG = Logger.getLogger(HttpReceiver.class.getName());

    private final SockJsSession session;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final FrameFormat format;
    private final boolean streaming;
    private final boolean probeable;
    private final long responseLimit;
    private final Executor writer;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    /**
     * Held while bytes go to the stream and while the response completes, never with the session's monitor inside
     * it. The container recycles a completed response's objects for later requests: a write still running when the
     * response completes (from our side or the container's) would land in another client's response.
     */
    private final Object streamLock = new Object();
    private volatile boolean streamClosed;
    private long bytesSent;
    /** A writer task is scheduled or running: the receiver is not ready until it has written everything. */
    private boolean writing;
    /** The container has not yet called {@link #onWritePossible()}: nothing may be written. */
    private boolean awaitingContainer = true;
    private boolean attached;
    private boolean endRequested;
    private boolean completed;

    /**
     * @param probeable whether the client tolerates an extra heartbeat frame in this response
     * @param prelude   bytes written before any frame (streaming transports), or null
     * @param writer    runs the writer tasks; a task may block as long as the container lets a write wait
     */
    HttpReceiver(SockJsSession session, AsyncContext async, ServletOutputStream out, FrameFormat format,
            boolean streaming, boolean probeable, long responseLimit, byte[] prelude, Executor writer) {
        this.session = session;
        this.async = async;
        this.out = out;
        this.format = format;
        this.streaming = streaming;
        this.probeable = probeable;
        this.responseLimit = responseLimit;
        this.writer = writer;
        if (prelude != null) {
            pending.add(prelude);
        }
    }

    /** Starts writing; the receiver attaches itself to the session once the prelude is out. */
    void start() {
        async.addListener(this);
        out.setWriteListener(this);
    }

    // ---- Receiver (called by the session under its monitor) ----------------------------------------------

    @Override
    public boolean isReady() {
        return attached && !endRequested && !completed && !writing && pending.isEmpty();
    }

    @Override
    public boolean send(String frame) {
        byte[] bytes = format.format(frame).getBytes(StandardCharsets.UTF_8);
        pending.add(bytes);
        bytesSent += bytes.length;
        startWriting();
        return !streaming || bytesSent >= responseLimit;
    }

    @Override
    public boolean probe() {
        if (!probeable || endRequested || completed) {
            return false;
        }
        // A write to a client that is gone fails in the writer task, which detaches this receiver as interrupted.
        pending.add(format.format(SockJsFrames.HEARTBEAT).getBytes(StandardCharsets.UTF_8));
        startWriting();
        return true;
    }

    @Override
    public void end(CloseStatus status) {
        endRequested = true;
        // The writer task completes the response once what was sent is written: completing writes too.
        startWriting();
    }

    // ---- container callbacks --------------------------------------------------------------------------------

    @Override
    public void onWritePossible() {
        LOG.finer("SockJS response writable");
        synchronized (session) {
            awaitingContainer = false;
            if (writing || completed) {
                return;
            }
            writing = true;
        }
        // A container thread, like the writer tasks: it may write here at once.
        writeOut();
    }

    @Override
    public void onError(Throwable t) {
        LOG.log(Level.FINE, "SockJS response failed: " + t);
        aborted();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        synchronized (streamLock) {
            streamClosed = true;
        }
        boolean endedByUs;
        synchronized (session) {
            endedByUs = completed;
            completed = true;
        }
        // The container ending a request we did not end means its client went away: the session is interrupted
        // (sockjs-node closes it with 1002), not merely left without a receiver to wait for a reconnect.
        session.detach(this, !endedByUs);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        complete();
        session.detach(this, false);
    }

    @Override
    public void onError(AsyncEvent event) {
        LOG.log(Level.FINE, "SockJS request failed: " + event.getThrowable());
        aborted();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }

    // ---- internals -------------------------------------------------------------------------------------------

    /** Hands the waiting bytes to a writer task unless one runs already. Caller holds the session's monitor. */
    private void startWriting() {
        if (writing || completed || awaitingContainer) {
            LOG.finer(() -> "SockJS writer not started: writing " + writing + ", completed " + completed
                    + ", awaiting the container " + awaitingContainer + ", " + pending.size() + " waiting");
            return;
        }
        writing = true;
        try {
            writer.execute(this::writeOut);
        } catch (RejectedExecutionException e) {
            // The application is stopping: nothing will write this response any more.
            writing = false;
            LOG.log(Level.FINE, "SockJS response writer rejected", e);
            completed = true;
            endQuietly();
        }
    }

    /**
     * The writer: writes and flushes each waiting buffer, each as its own chunk, outside the session's lock, until
     * none is left or the container is not ready; then completes an ended response, or attaches the receiver after
     * its prelude, or tells the session it can take more.
     */
    private void writeOut() {
        for (int round = 0; ; round++) {
            byte[] next;
            boolean finish = false;
            boolean attachNow = false;
            synchronized (session) {
                if (completed) {
                    writing = false;
                    return;
                }
                if (!out.isReady()) {
                    // Truly non-blocking output: onWritePossible() comes back when the client has read.
                    int attempt = round;
                    LOG.finer(() -> "SockJS response not ready; waiting for the container (round " + attempt + ")");
                    writing = false;
                    awaitingContainer = true;
                    return;
                }
                next = pending.poll();
                if (next == null) {
                    writing = false;
                    if (endRequested) {
                        finish = true;
                    } else if (!attached) {
                        attached = true;
                        attachNow = true;
                    }
                }
            }
            if (next == null) {
                if (finish) {
                    complete();
                } else if (attachNow) {
                    // Outside the monitor: attaching may call the application's onOpen, which takes the session's
                    // inbound lock first.
                    session.attach(this);
                } else {
                    session.receiverWritable(this);
                }
                return;
            }
            try {
                synchronized (streamLock) {
                    if (streamClosed) {
                        return;
                    }
                    out.write(next);
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "SockJS response write failed: " + e);
                synchronized (session) {
                    writing = false;
                }
                aborted();
                return;
            }
        }
    }

    private void aborted() {
        // Detach first: completing may run onComplete at once, whose ordinary detach would leave the session
        // open and without its interruption, and a later request would wait on it for nothing.
        session.detach(this, true);
        complete();
    }

    /** Ends the response, once. Never under the session's monitor: completing writes the response's end. */
    private void complete() {
        synchronized (session) {
            if (completed) {
                return;
            }
            completed = true;
            pending.clear();
        }
        endQuietly();
    }

    private void endQuietly() {
        try {
            synchronized (streamLock) {
                if (streamClosed) {
                    return;
                }
                streamClosed = true;
                async.complete();
            }
        } catch (IllegalStateException e) {
            // The container already finished the request (it failed or timed out): nothing left to end.
            LOG.log(Level.FINEST, "SockJS request already complete", e);
        }
    }
}
