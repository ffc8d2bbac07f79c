package io.tokensockjs.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The pauses between reconnection attempts: the first, then doubling up to the maximum, each shortened by up to a
 * fifth at random so that many clients dropped together do not come back in step.
 */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    synchronized Duration next() {
        Duration current = next;
        Duration doubled = current.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        long millis = current.toMillis();
        return Duration.ofMillis(millis - ThreadLocalRandom.current().nextLong(millis / 5 + 1));
    }

    synchronized void reset() {
        next = first;
    }
}
