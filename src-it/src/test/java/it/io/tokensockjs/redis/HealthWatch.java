package it.io.tokensockjs.redis;

import java.util.ArrayList;
import java.util.List;

/** Polls a server's readiness in the background and keeps each change, with when it was seen. */
final class HealthWatch implements AutoCloseable {

    /** A change of readiness: up or down, seen at {@code nanos} ({@link System#nanoTime()}). */
    record Change(boolean up, long nanos) {
    }

    private final Node node;
    private final List<Change> changes = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    HealthWatch(Node node, long periodMillis) {
        this.node = node;
        this.thread = new Thread(() -> {
            Boolean last = null;
            while (running) {
                boolean up = node.ready();
                if (last == null || up != last) {
                    synchronized (changes) {
                        changes.add(new Change(up, System.nanoTime()));
                    }
                    last = up;
                }
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "health-watch-" + node.name);
        thread.setDaemon(true);
        thread.start();
    }

    List<Change> changes() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    /** When readiness first went down after {@code afterNanos}; -1 if it did not. */
    long firstDown(long afterNanos) {
        return changes().stream().filter(c -> !c.up() && c.nanos() >= afterNanos).mapToLong(Change::nanos).findFirst().orElse(-1);
    }

    /** When readiness first came back up after {@code afterNanos}; -1 if it did not. */
    long firstUp(long afterNanos) {
        return changes().stream().filter(c -> c.up() && c.nanos() >= afterNanos).mapToLong(Change::nanos).findFirst().orElse(-1);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }

    @Override
    public String toString() {
        return node.name + " " + changes();
    }
}
