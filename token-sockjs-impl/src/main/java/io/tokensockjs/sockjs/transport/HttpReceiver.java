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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A receiving HTTP request (polling or streaming) attached to a session, written with non-blocking servlet
 * I/O so that no container thread waits for a slow client and no writer blocks on one.
 *
 * <p>Every method synchronises on the session, the one lock of the session's outbound side.
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
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private boolean flushOwed;
    private long bytesSent;
    private boolean attached;
    private boolean endRequested;
    private boolean completed;

    /**
     * @param probeable whether the client tolerates an extra heartbeat frame in this response
     * @param prelude   bytes written before any frame (streaming transports), or null
     */
    HttpReceiver(SockJsSession session, AsyncContext async, ServletOutputStream out, FrameFormat format,
            boolean streaming, boolean probeable, long responseLimit, byte[] prelude) {
        this.session = session;
        this.async = async;
        this.out = out;
        this.format = format;
        this.streaming = streaming;
        this.probeable = probeable;
        this.responseLimit = responseLimit;
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
        return !endRequested && pending.isEmpty() && !flushOwed && out.isReady();
    }

    @Override
    public boolean send(String frame) throws IOException {
        byte[] bytes = format.format(frame).getBytes(StandardCharsets.UTF_8);
        pending.add(bytes);
        bytesSent += bytes.length;
        drain();
        return !streaming || bytesSent >= responseLimit;
    }

    @Override
    public boolean probe() throws IOException {
        if (!probeable || endRequested || completed) {
            return false;
        }
        pending.add(format.format(SockJsFrames.HEARTBEAT).getBytes(StandardCharsets.UTF_8));
        if (drain() && out.isReady()) {
            // A second flush: on Liberty the first flush of a response that has not been committed sends
            // nothing, and a probe that never reaches the socket finds nothing out.
            out.flush();
        }
        return true;
    }

    @Override
    public void end(CloseStatus status) {
        endRequested = true;
        try {
            if (drain()) {
                complete();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "SockJS response could not be finished", e);
            complete();
        }
    }

    // ---- container callbacks --------------------------------------------------------------------------------

    @Override
    public void onWritePossible() throws IOException {
        boolean attachNow = false;
        synchronized (session) {
            if (completed || !drain()) {
                return;
            }
            if (endRequested) {
                complete();
                return;
            }
            if (!attached) {
                attached = true;
                attachNow = true;
            }
        }
        // Outside the monitor: attaching may call the application's onOpen, which takes the session's
        // inbound lock first.
        if (attachNow) {
            session.attach(this);
        } else {
            session.receiverWritable(this);
        }
    }

    @Override
    public void onError(Throwable t) {
        LOG.log(Level.FINE, "SockJS response failed: " + t);
        aborted();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        synchronized (session) {
            completed = true;
        }
        session.detach(this, false);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        synchronized (session) {
            complete();
        }
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

    private void aborted() {
        synchronized (session) {
            complete();
        }
        session.detach(this, true);
    }

    /**
     * Hands waiting bytes to the container while it can take them, then flushes so that each frame leaves as
     * its own chunk at once. Caller holds the session's monitor.
     *
     * @return true when everything was handed over and flushed
     */
    private boolean drain() throws IOException {
        if (completed) {
            return false;
        }
        while (out.isReady()) {
            byte[] next = pending.poll();
            if (next != null) {
                out.write(next);
                flushOwed = true;
            } else if (flushOwed) {
                flushOwed = false;
                out.flush();
            } else {
                return true;
            }
        }
        return false;
    }

    private void complete() {
        if (completed) {
            return;
        }
        completed = true;
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // The container already finished the request (it failed or timed out): nothing left to end.
            LOG.log(Level.FINEST, "SockJS request already complete", e);
        }
    }
}
