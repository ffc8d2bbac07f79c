package io.tokensockjs.pubsub;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Polls a health check every 20 ms and keeps its transitions: for "went DOWN, then UP again" with times. */
final class HealthRecorder implements AutoCloseable {

    /** A change of state at a nanoTime. */
    record Change(long at, boolean healthy) {
    }

    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    HealthRecorder(BooleanSupplier health) {
        thread = new Thread(() -> {
            Boolean last = null;
            while (running) {
                boolean now = health.getAsBoolean();
                if (last == null || now != last) {
                    changes.add(new Change(System.nanoTime(), now));
                    last = now;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "health-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    /** The first time after {@code since} it was unhealthy; -1 if never. */
    long firstDownAfter(long since) {
        return changes.stream().filter(c -> c.at() >= since && !c.healthy()).mapToLong(Change::at).findFirst().orElse(-1);
    }

    /** The last time it became healthy; -1 if it is not healthy now. */
    long lastUp() {
        if (changes.isEmpty() || !changes.get(changes.size() - 1).healthy()) {
            return -1;
        }
        return changes.get(changes.size() - 1).at();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}
