package io.tokensockjs.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A count that only goes up. A {@link LongAdder}: many threads add without contending. */
public final class Counter {

    private final LongAdder count = new LongAdder();

    public void increment() {
        count.increment();
    }

    public void add(long amount) {
        count.add(amount);
    }

    public long value() {
        return count.sum();
    }
}
