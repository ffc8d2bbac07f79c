package io.tokensockjs.sockjs.session;

import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.ReadyState;
import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsMessage;
import io.tokensockjs.sockjs.frame.SockJsFrames;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One SockJS session: the state machine every transport shares.
 *
 * <ul>
 *   <li>The first receiver gets {@code o}; messages queue while no receiver is attached and leave, in order,
 *       batched into one {@code a[...]} frame, through the next one.</li>
 *   <li>Only one receiver at a time: a second one gets {@code c[2010,...]} and the first is not disturbed.</li>
 *   <li>Closing does not drop what was written before: the messages still queued leave ahead of the close
 *       frame, through the attached receiver or the next one, as sockjs-node flushes its send buffer. Only a
 *       client that does not read (queue full) or is gone (interrupted, timed out) loses its queue.</li>
 *   <li>After the session closes, every receiver gets its close frame until the session is forgotten, one
 *       disconnect delay after the last receiver left.</li>
 * </ul>
 *
 * <p>Two locks, always taken in this order: {@code inbound} serialises calls into the application's handler
 * (one at a time, in order, per session); the session's monitor guards the state and the outbound queue and
 * is never held while the handler runs, so a handler may write or close from any thread.
 */
public final class SockJsSession implements SockJsConnection {

    private static final Logger LOG = Logger.getLogger(SockJsSession.class.getName());

    /**
     * How long a second receiver waits while the attached one is probed: long enough for a closed client's
     * reset to come back and fail the second probe write, short enough for a live one to get its 2010 at once.
     */
    static final long PROBE_SECOND_WRITE_MILLIS = 40;
    static final long PROBE_DECISION_MILLIS = 120;

    private enum State { NEW, OPEN, CLOSED }

    private final String id;
    private final String urlSessionId;
    private final String prefix;
    private volatile RequestInfo request;
    private final SessionSettings settings;
    private final SessionRegistry registry;
    private final ReentrantLock inbound = new ReentrantLock();

    // Guarded by this.
    // Two slots, not ArrayDeque's default 16: an idle socket keeps its queue for life, empty; a busy one grows it once.
    private final ArrayDeque<SockJsMessage> queue = new ArrayDeque<>(2);
    private long queuedChars;
    private Receiver receiver;
    private volatile State state = State.NEW;
    private CloseStatus closeStatus;
    private boolean openFramePending;
    private boolean heartbeatPending;
    private boolean closeNotified;
    private boolean probing;
    private long lastSentNanos;
    private long detachedSinceNanos;

    SockJsSession(String id, String urlSessionId, String prefix, RequestInfo request, SessionSettings settings,
            SessionRegistry registry) {
        this.id = id;
        this.urlSessionId = urlSessionId;
        this.prefix = prefix;
        this.request = request;
        this.settings = settings;
        this.registry = registry;
        long now = settings.clock().getAsLong();
        this.lastSentNanos = now;
        this.detachedSinceNanos = now;
    }

    // ---- SockJsConnection ------------------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public String remoteAddress() {
        return request.remoteAddress();
    }

    @Override
    public int remotePort() {
        return request.remotePort();
    }

    @Override
    public String pathname() {
        return request.pathname();
    }

    @Override
    public Map<String, List<String>> headers() {
        return request.headers();
    }

    @Override
    public String url() {
        return request.url();
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public String protocol() {
        return request.protocol();
    }

    @Override
    public synchronized long queuedChars() {
        return queuedChars;
    }

    @Override
    public ReadyState readyState() {
        return switch (state) {
            case NEW -> ReadyState.CONNECTING;
            case OPEN -> ReadyState.OPEN;
            case CLOSED -> ReadyState.CLOSED;
        };
    }

    @Override
    public boolean write(SockJsMessage message) {
        if (message == null) {
            throw new NullPointerException("message");
        }
        boolean overflow;
        synchronized (this) {
            if (state == State.CLOSED) {
                return false;
            }
            queue.add(message);
            queuedChars += message.text().length() + 3;
            overflow = queuedChars > settings.maxQueuedChars();
            if (!overflow) {
                pump();
                return true;
            }
        }
        LOG.log(Level.WARNING, "SockJS session {0} ({1}): client does not read, {2} characters queued; closing it",
                new Object[] {id, prefix, queuedChars});
        // The handler hears of it later, on the scheduler, not on the writing thread: a writer may be one that
        // must neither run application code (close observers) nor wait for this session's inbound lock, such as
        // the Redis subscriber delivering one message to many sessions.
        if (closeWithoutNotifying(CloseStatus.OUTBOUND_QUEUE_FULL)) {
            registry.notifyLater(this, CloseStatus.OUTBOUND_QUEUE_FULL);
        }
        return false;
    }

    @Override
    public void close(CloseStatus status) {
        if (closeWithoutNotifying(status)) {
            notifyClosed(status);
        }
    }

    @Override
    public boolean writeAndClose(SockJsMessage last, CloseStatus status) {
        boolean closed;
        // One monitor hold: the message is handed to the transport and the session closed before a close from the
        // client's side (the client read the message and left) can take the monitor. A message the session drops
        // (it is closed already, or the client's queue overflowed, which closes it) leaves no close for this one.
        synchronized (this) {
            write(last);
            closed = closeWithoutNotifying(status);
        }
        if (closed) {
            notifyClosed(status);
        }
        return closed;
    }

    /** Closes the session; the caller tells the handler when this returns true (the session was open until now). */
    private boolean closeWithoutNotifying(CloseStatus status) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return false;
            }
            state = State.CLOSED;
            closeStatus = status;
            if (!keepsQueueOnClose(status)) {
                queue.clear();
                queuedChars = 0;
            }
            openFramePending = false;
            if (receiver == null) {
                detachedSinceNanos = settings.clock().getAsLong();
            }
            pump();
            if (receiver != null) {
                // The receiver is still busy with an earlier frame: a websocket send in flight (the open frame,
                // when a handler closes in onOpen, or a message whose completion the container has not reported
                // yet) or bytes a client does not read. Hand it what is queued and the close frame anyway, to go
                // out after that one (receivers hold frames given while busy), as sockjs-node does: an answer
                // written just before closing (an authentication refusal, say) must not vanish, and clients
                // report a session that ends without its close frame as unclean. Then let the receiver go: a
                // client that does not read is dropped once the container's write timeout passes.
                Receiver busy = receiver;
                receiver = null;
                detachedSinceNanos = settings.clock().getAsLong();
                try {
                    handOverQueue(busy);
                    if (!busy.isRaw()) {
                        busy.send(SockJsFrames.close(status.code(), status.reason()));
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "could not hand the last frames to a busy receiver", e);
                }
                busy.end(status);
            }
        }
        return true;
    }

    /**
     * Whether messages queued when the session closes with this status still go out before the close frame. Not
     * for a client that does not read (dropping its queue is the point), nor for one that is gone.
     */
    private static boolean keepsQueueOnClose(CloseStatus status) {
        return !status.equals(CloseStatus.OUTBOUND_QUEUE_FULL) && !status.equals(CloseStatus.CONNECTION_INTERRUPTED)
                && !status.equals(CloseStatus.SESSION_TIMED_OUT);
    }

    /**
     * Gives a receiver everything queued, as one frame (one message per frame when raw), whether or not it is busy
     * (receivers hold frames given while busy). Caller holds the monitor.
     *
     * @return true when that finished the receiver (a poll, which takes one frame)
     */
    private boolean handOverQueue(Receiver target) throws IOException {
        boolean finished = false;
        try {
            if (target.isRaw()) {
                for (SockJsMessage message : queue) {
                    finished = target.send(message.text());
                }
            } else if (!queue.isEmpty()) {
                finished = target.send(SockJsMessage.frameOf(queue));
            }
        } finally {
            queue.clear();
            queuedChars = 0;
        }
        return finished;
    }

    // ---- transports --------------------------------------------------------------------------------------

    /**
     * Attaches a receiving request or websocket. A new session sends {@code o} through it (and the handler
     * hears of the connection), a closed one its close frame, a session that already has a receiver
     * {@code c[2010,...]}; otherwise queued messages flow.
     */
    public void attach(Receiver candidate) {
        if (state != State.NEW) {
            attachLocked(candidate);
            return;
        }
        // Opening: hold the inbound lock until the handler has heard of the connection, so that a message the
        // client sends as soon as it sees "o" cannot reach the handler first.
        inbound.lock();
        try {
            if (attachLocked(candidate)) {
                settings.handler().onOpen(this);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SockJS handler failed in onOpen of session " + id, e);
        } finally {
            inbound.unlock();
        }
    }

    private synchronized boolean attachLocked(Receiver candidate) {
        if (receiver != null && receiver != candidate) {
            if (!probing && probe(receiver)) {
                // Maybe the attached request's client is gone and the container never noticed: probe it twice
                // and decide once a failed write had time to detach it.
                probing = true;
                Receiver probed = receiver;
                settings.scheduler().schedule(logged(() -> probeAgain(probed)), PROBE_SECOND_WRITE_MILLIS, TimeUnit.MILLISECONDS);
                settings.scheduler().schedule(logged(() -> decideAfterProbe(candidate)), PROBE_DECISION_MILLIS, TimeUnit.MILLISECONDS);
                return false;
            }
            if (receiver != null) {
                rejectReceiver(candidate, CloseStatus.ANOTHER_CONNECTION_STILL_OPEN);
                return false;
            }
            // The probe found the attached client gone: the session is closed now, and says so below.
        }
        if (state == State.CLOSED) {
            // Closed between two polls with messages still queued: they leave first, then the close frame (through
            // this receiver if it streams, through the next poll otherwise).
            try {
                if (handOverQueue(candidate)) {
                    candidate.end(null);
                    return false;
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "could not hand the last messages to a receiver of a closed session", e);
            }
            rejectReceiver(candidate, closeStatus);
            return false;
        }
        boolean opening = state == State.NEW;
        if (opening) {
            state = State.OPEN;
            openFramePending = true;
        }
        receiver = candidate;
        pump();
        return opening;
    }

    private void rejectReceiver(Receiver candidate, CloseStatus status) {
        if (!candidate.isRaw()) {
            try {
                candidate.send(SockJsFrames.close(status.code(), status.reason()));
            } catch (IOException e) {
                LOG.log(Level.FINE, "could not send the close frame to a rejected receiver", e);
            }
        }
        candidate.end(status);
    }

    /** A scheduled task that logs what it throws: a scheduled future would keep it to itself. */
    private Runnable logged(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "SockJS session " + id + ": a delayed task failed", e);
            }
        };
    }

    private synchronized void probeAgain(Receiver probed) {
        if (probed == receiver) {
            probe(probed);
        }
    }

    /** Probes the attached receiver; a failed write closes the session as interrupted. Caller holds the monitor. */
    private boolean probe(Receiver probed) {
        try {
            return probed.probe();
        } catch (IOException | RuntimeException e) {
            receiverFailed(probed, e);
            return false;
        }
    }

    private void decideAfterProbe(Receiver candidate) {
        LOG.finer(() -> "SockJS session " + id + ": deciding after the probe");
        synchronized (this) {
            probing = false;
            if (receiver != null) {
                rejectReceiver(candidate, CloseStatus.ANOTHER_CONNECTION_STILL_OPEN);
                return;
            }
        }
        attach(candidate);
    }

    /** A receiver can take more frames: flush what waits. */
    public synchronized void receiverWritable(Receiver which) {
        if (which == receiver) {
            pump();
        }
    }

    /**
     * A receiver went away by itself: its request ended or failed, or its websocket closed.
     *
     * @param interrupted true when the client vanished without finishing (the session is then closed with
     *                    {@code 1002 "Connection interrupted"}, as sockjs-node does)
     */
    public void detach(Receiver which, boolean interrupted) {
        synchronized (this) {
            if (which != receiver) {
                return;
            }
            receiver = null;
            detachedSinceNanos = settings.clock().getAsLong();
        }
        if (interrupted) {
            settings.log().debug(LOG, () -> "SockJS session " + id + " (" + prefix + "): connection interrupted");
            close(CloseStatus.CONNECTION_INTERRUPTED);
        }
    }

    /** Delivers the messages a client sent, in order, to the handler. Ignored once the session is closed. */
    public void receive(List<String> messages) {
        if (messages.isEmpty()) {
            return;
        }
        inbound.lock();
        try {
            for (String message : messages) {
                if (state != State.OPEN) {
                    return;
                }
                try {
                    settings.handler().onMessage(this, message);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "SockJS handler failed in onMessage of session " + id, e);
                }
            }
        } finally {
            inbound.unlock();
        }
    }

    /** A receiving request carries the session now: its address and headers become the connection's, as in sockjs-node. */
    public void requestSeen(RequestInfo latest) {
        request = latest;
    }

    /** The session id of the URL, or null for a websocket session. */
    String urlSessionId() {
        return urlSessionId;
    }

    /** Whether the session is still open for messages from the client. */
    public boolean isOpen() {
        return state == State.OPEN;
    }

    // ---- timers ---------------------------------------------------------------------------------------------

    /**
     * Called by the registry's sweeper: sends a heartbeat when the receiver was quiet too long, closes a session
     * that had no receiver for the disconnect delay, and forgets a closed one after the same delay.
     *
     * @return true when the session is to be forgotten
     */
    boolean tick(long now) {
        boolean timedOut = false;
        synchronized (this) {
            if (receiver != null) {
                if (state == State.OPEN && now - lastSentNanos >= settings.heartbeatNanos()) {
                    heartbeatPending = true;
                    pump();
                }
                return false;
            }
            if (now - detachedSinceNanos < settings.disconnectNanos()) {
                return false;
            }
            if (state == State.CLOSED) {
                return true;
            }
            timedOut = true;
        }
        close(CloseStatus.SESSION_TIMED_OUT);
        return timedOut;
    }

    // ---- internals ------------------------------------------------------------------------------------------

    /** Writes what waits, frame by frame, while the receiver can take it. Caller holds the monitor. */
    private void pump() {
        while (receiver != null && receiver.isReady()) {
            Receiver current = receiver;
            boolean raw = current.isRaw();
            String frame;
            boolean closing = false;
            if (openFramePending) {
                openFramePending = false;
                if (raw) {
                    continue;
                }
                frame = SockJsFrames.OPEN;
            } else if (!queue.isEmpty()) {
                if (raw) {
                    frame = queue.poll().text();
                    queuedChars -= frame.length() + 3;
                } else {
                    frame = SockJsMessage.frameOf(queue);
                    queue.clear();
                    queuedChars = 0;
                }
                heartbeatPending = false;
            } else if (state == State.CLOSED) {
                // After what was queued: a closing session flushes its messages first.
                closing = true;
                frame = raw ? null : SockJsFrames.close(closeStatus.code(), closeStatus.reason());
            } else if (heartbeatPending) {
                heartbeatPending = false;
                if (raw) {
                    continue;
                }
                frame = SockJsFrames.HEARTBEAT;
            } else {
                return;
            }
            boolean finished = false;
            try {
                if (frame != null) {
                    finished = current.send(frame);
                    lastSentNanos = settings.clock().getAsLong();
                }
            } catch (IOException | RuntimeException e) {
                receiverFailed(current, e);
                return;
            }
            if (finished || closing) {
                receiver = null;
                detachedSinceNanos = settings.clock().getAsLong();
                current.end(closing ? closeStatus : null);
                return;
            }
        }
    }

    /**
     * A write to the attached receiver failed: the client is gone. Closes the session as interrupted, telling
     * the handler later because the caller holds the monitor.
     */
    private void receiverFailed(Receiver failed, Exception cause) {
        settings.log().debug(LOG, () -> "SockJS session " + id + ": write failed: " + cause);
        receiver = null;
        detachedSinceNanos = settings.clock().getAsLong();
        if (state != State.CLOSED) {
            state = State.CLOSED;
            closeStatus = CloseStatus.CONNECTION_INTERRUPTED;
            queue.clear();
            queuedChars = 0;
            registry.notifyLater(this, closeStatus);
        }
        failed.end(closeStatus);
    }

    /** Tells the handler, once, that the session ended. Never called while holding the monitor. */
    void notifyClosed(CloseStatus status) {
        synchronized (this) {
            if (closeNotified) {
                return;
            }
            closeNotified = true;
        }
        settings.log().debug(LOG, () -> "SockJS session " + id + " (" + prefix + ") closed: " + status.code() + " " + status.reason());
        inbound.lock();
        try {
            settings.handler().onClose(this, status);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SockJS handler failed in onClose of session " + id, e);
        } finally {
            inbound.unlock();
        }
    }

    @Override
    public String toString() {
        return "SockJsSession[" + id + " " + prefix + " " + request.protocol() + " " + state + "]";
    }
}
