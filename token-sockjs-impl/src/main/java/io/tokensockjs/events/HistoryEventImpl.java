package io.tokensockjs.events;

import io.tokensockjs.Socket;
import io.tokensockjs.event.HistoryEvent;

/** Fired when a client asks for a channel's history, by {@code _history} or by subscribing with {@code since}. */
public final class HistoryEventImpl extends ChannelEventSupport implements HistoryEvent {

    private final long since;
    private final int limit;

    public HistoryEventImpl(Socket socket, String channel, long since, int limit) {
        super(socket, channel);
        this.since = since;
        this.limit = limit;
    }

    @Override
    public long since() {
        return since;
    }

    @Override
    public int limit() {
        return limit;
    }
}
