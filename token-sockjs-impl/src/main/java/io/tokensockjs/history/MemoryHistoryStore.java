package io.tokensockjs.history;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * History in this server's memory, for a server without Redis: per channel a ring of at most its rule's size. The
 * offset is given and the envelope published under the channel's lock, and the memory broker delivers on the
 * publishing thread, so subscribers see offsets in order. Each channel's epoch is made when its history starts (a
 * restart loses the history, and so gives new epochs); a channel silent for the retention is forgotten.
 */
public final class MemoryHistoryStore implements HistoryStore {

    private final Publisher publisher;
    private final Duration retention;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, ChannelLog> logs = new ConcurrentHashMap<>();

    /**
     * @param retention how long a silent channel's history (its epoch and offsets) is kept
     * @param clock     milliseconds, as {@link System#currentTimeMillis()}
     */
    public MemoryHistoryStore(Publisher publisher, Duration retention, LongSupplier clock) {
        this.publisher = publisher;
        this.retention = retention;
        this.clock = clock;
    }

    private record Kept(long offset, long time, String json) {
    }

    private static final class ChannelLog {
        final String epoch = Epochs.next();
        final ArrayDeque<Kept> kept = new ArrayDeque<>();
        long top;
        long lastUsed;
    }

    @Override
    public void publish(String channel, HistoryRule rule, String json) {
        long now = clock.getAsLong();
        while (true) {
            ChannelLog log = logs.computeIfAbsent(channel, name -> new ChannelLog());
            synchronized (log) {
                if (logs.get(channel) != log) {
                    continue; // swept meanwhile
                }
                log.lastUsed = now;
                long offset = ++log.top;
                log.kept.addLast(new Kept(offset, now, json));
                while (log.kept.size() > rule.size()) {
                    log.kept.removeFirst();
                }
                expire(log, rule, now);
                publisher.publish(channel, Envelope.encode(log.epoch, offset, json));
                return;
            }
        }
    }

    @Override
    public HistoryPage read(String channel, HistoryRule rule, long after, int limit) {
        long now = clock.getAsLong();
        ChannelLog log = logs.computeIfAbsent(channel, name -> new ChannelLog());
        synchronized (log) {
            log.lastUsed = now;
            expire(log, rule, now);
            long first = log.kept.isEmpty() ? log.top + 1 : log.kept.peekFirst().offset();
            List<HistoryEntry> entries = new ArrayList<>();
            if (limit > 0) {
                if (after < 0) {
                    Iterator<Kept> newest = log.kept.descendingIterator();
                    while (newest.hasNext() && entries.size() < limit) {
                        Kept kept = newest.next();
                        entries.add(0, new HistoryEntry(kept.offset(), kept.json()));
                    }
                } else {
                    for (Kept kept : log.kept) {
                        if (kept.offset() > after) {
                            entries.add(new HistoryEntry(kept.offset(), kept.json()));
                            if (entries.size() == limit) {
                                break;
                            }
                        }
                    }
                }
            }
            boolean lost = after >= 0 && after < log.top && first > after + 1;
            return new HistoryPage(log.epoch, log.top, entries, lost);
        }
    }

    /** Forgets the channels silent for longer than the retention; called now and then. */
    public void sweep() {
        long now = clock.getAsLong();
        logs.forEach((channel, log) -> {
            synchronized (log) {
                if (now - log.lastUsed > retention.toMillis()) {
                    logs.remove(channel, log);
                }
            }
        });
    }

    /** Messages kept now on a channel (for tests of the bounds). */
    int kept(String channel) {
        ChannelLog log = logs.get(channel);
        if (log == null) {
            return 0;
        }
        synchronized (log) {
            return log.kept.size();
        }
    }

    int channels() {
        return logs.size();
    }

    private static void expire(ChannelLog log, HistoryRule rule, long now) {
        if (rule.ttl() == null) {
            return;
        }
        long oldest = now - rule.ttlMillis();
        while (!log.kept.isEmpty() && log.kept.peekFirst().time() < oldest) {
            log.kept.removeFirst();
        }
    }

    @Override
    public String describe() {
        return "in memory (this server only)";
    }
}
