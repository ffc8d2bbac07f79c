package io.tokensockjs.sockjs.session;

import io.tokensockjs.sockjs.CloseStatus;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The sessions of one service. HTTP sessions are found by the session id of their URL; websocket sessions
 * live exactly as long as their socket and are never looked up (two websockets may share a session id).
 */
public final class SessionRegistry {

    private final String prefix;
    private final SessionSettings settings;
    private final int maxSessions;
    private final ConcurrentHashMap<String, SockJsSession> byUrlId = new ConcurrentHashMap<>();
    private final Set<SockJsSession> all = ConcurrentHashMap.newKeySet();
    private final String idPrefix;
    private final AtomicLong idCounter = new AtomicLong();

    public SessionRegistry(String prefix, SessionSettings settings, int maxSessions) {
        this.prefix = prefix;
        this.settings = settings;
        this.maxSessions = maxSessions;
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.idPrefix = Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "-";
    }

    /**
     * The HTTP session with this URL session id, created when unknown.
     *
     * @return null when the service already holds its maximum number of sessions
     */
    public SockJsSession getOrCreate(String urlSessionId, Supplier<RequestInfo> request) {
        SockJsSession existing = byUrlId.get(urlSessionId);
        if (existing != null) {
            return existing;
        }
        if (all.size() >= maxSessions) {
            return null;
        }
        SockJsSession session = byUrlId.computeIfAbsent(urlSessionId, key -> newSession(key, request.get()));
        all.add(session);
        return session;
    }

    /** The HTTP session with this URL session id, or null. */
    public SockJsSession get(String urlSessionId) {
        return byUrlId.get(urlSessionId);
    }

    /**
     * A session for one websocket, not reachable by its URL session id.
     *
     * @return null when the service already holds its maximum number of sessions
     */
    public SockJsSession createStandalone(RequestInfo request) {
        if (all.size() >= maxSessions) {
            return null;
        }
        SockJsSession session = newSession(null, request);
        all.add(session);
        return session;
    }

    private SockJsSession newSession(String urlSessionId, RequestInfo request) {
        String id = idPrefix + Long.toString(idCounter.incrementAndGet(), 36);
        return new SockJsSession(id, urlSessionId, prefix, request, settings, this);
    }

    /** Heartbeats, disconnect timeouts and forgetting of closed sessions; run periodically. */
    public void sweep() {
        long now = settings.clock().getAsLong();
        for (SockJsSession session : all) {
            if (session.tick(now)) {
                forget(session);
            }
        }
    }

    /** Every live session. */
    public Collection<SockJsSession> sessions() {
        return Collections.unmodifiableSet(all);
    }

    public int size() {
        return all.size();
    }

    /** Closes every session, for shutdown. */
    public void closeAll(CloseStatus status) {
        for (SockJsSession session : List.copyOf(all)) {
            session.close(status);
            forget(session);
        }
    }

    void notifyLater(SockJsSession session, CloseStatus status) {
        // Found while holding the session's monitor, where the handler must not be called.
        settings.scheduler().execute(() -> session.notifyClosed(status));
    }

    private void forget(SockJsSession session) {
        all.remove(session);
        if (session.urlSessionId() != null) {
            byUrlId.remove(session.urlSessionId(), session);
        }
    }
}
