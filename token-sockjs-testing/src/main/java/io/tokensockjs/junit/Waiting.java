package io.tokensockjs.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a test socket received and the test has not taken yet, in arrival order; {@link #take} waits for the first
 * that matches and removes it, leaving the others for later waits.
 */
final class Waiting<T> {

    private final List<T> items = new ArrayList<>();

    synchronized void add(T item) {
        items.add(item);
        notifyAll();
    }

    /**
     * @return the first item that matches, or null when none came within the timeout
     */
    synchronized T take(Predicate<T> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Iterator<T> it = items.iterator(); it.hasNext(); ) {
                T item = it.next();
                if (matching.test(item)) {
                    it.remove();
                    return item;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized List<T> snapshot() {
        return List.copyOf(items);
    }
}
