package io.tokensockjs.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Publishes numbered messages on a channel through one broker every few milliseconds while a fault is made, and
 * records what each receiving broker got and when each broker was healthy: from that, the messages lost and
 * whether they all fall inside the fault window. For the Sentinel and Cluster failover tests.
 */
final class FailoverProbe implements AutoCloseable {

    /** One published message: its number, when it was sent, whether the broker took it. */
    record Sent(long number, long at, boolean taken) {
    }

    private final Broker publisher;
    private final String channel;
    private final List<Set<Long>> received = new ArrayList<>();
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    FailoverProbe(Broker publisher, String channel) {
        this.publisher = publisher;
        this.channel = channel;
        this.thread = new Thread(this::publish, "failover-probe");
        this.thread.setDaemon(true);
    }

    /** A listener for a receiving broker: it records the numbers arriving on the channel. */
    Broker.Listener receiver() {
        Set<Long> numbers = ConcurrentHashMap.newKeySet();
        received.add(numbers);
        return (channel, payload) -> {
            if (this.channel.equals(channel)) {
                numbers.add(Long.parseLong(payload));
            }
        };
    }

    void start() {
        thread.start();
    }

    private void publish() {
        long number = 0;
        while (running) {
            long at = System.nanoTime();
            boolean taken;
            try {
                publisher.publish(channel, Long.toString(number));
                taken = true;
            } catch (IllegalStateException e) {
                taken = false;
            }
            sent.add(new Sent(number++, at, taken));
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops publishing, then waits a moment for the last deliveries. */
    void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
        TimeUnit.MILLISECONDS.sleep(500);
    }

    /** Messages the broker took but some receiver never got. */
    List<Sent> lost() {
        List<Sent> lost = new ArrayList<>();
        for (Sent message : sent) {
            if (message.taken() && received.stream().anyMatch(numbers -> !numbers.contains(message.number()))) {
                lost.add(message);
            }
        }
        return lost;
    }

    long taken() {
        return sent.stream().filter(Sent::taken).count();
    }

    long refused() {
        return sent.stream().filter(message -> !message.taken()).count();
    }

    /** How many a receiver got that were sent at or after {@code nanos}. */
    long receivedSince(int receiver, long nanos) {
        return sent.stream().filter(message -> message.at() >= nanos && received.get(receiver).contains(message.number()))
                .count();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }
}
