package io.tokensockjs.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code fanout}: S sockets subscribe to one channel, one more publishes to it through the server
 * ({@code _publish}) for T seconds, either as fast as allowed (at most W messages not yet delivered to every
 * reading subscriber: the fastest rate that loses nothing) or at a set rate ({@code --rate}). K of the
 * subscribers ({@code --slow}) stop reading once subscribed, to see what the server does with a consumer that
 * cannot keep up; with {@code --sample} the server's memory and socket count are read every few seconds during
 * the run (a subscriber that does not read cannot see the server close it: the count shows it).
 * Each message carries its sequence number and send time; a subscriber counts what it received, and loss is
 * what reading subscribers had not received once the publisher stopped and deliveries drained.
 */
final class FanoutScenario {

    private static final String CHANNEL = "bench";
    private static final int RING = 1 << 16;

    private final int subscribers;
    private final int slow;
    private final int window;
    private final double rate;
    private final String payload;
    /** Per sequence number (mod RING): reading subscribers that have it. */
    private final AtomicIntegerArray holders = new AtomicIntegerArray(RING);
    private final AtomicLong complete = new AtomicLong();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder reordered = new LongAdder();
    private final LongAdder slowClosed = new LongAdder();
    private final LongAdder fastLost = new LongAdder();
    private final Connector.Progress progress;
    private final List<Subscriber> readers = new ArrayList<>();
    private volatile boolean publishing;
    private volatile boolean publisherWaiting;
    /** Written by the publisher's loop only. */
    private long published;
    private volatile long publishedSoFar;
    private BenchSocket publisher;

    private FanoutScenario(int subscribers, int slow, int window, double rate, int bytes) {
        this.subscribers = subscribers;
        this.slow = slow;
        this.window = window;
        this.rate = rate;
        this.payload = "x".repeat(bytes);
        this.progress = new Connector.Progress(subscribers + 1);
    }

    /** One subscriber's count of what it has received. */
    private final class Subscriber {
        final boolean reads;
        boolean warm;
        volatile long received;
        long last = -1;

        Subscriber(boolean reads) {
            this.reads = reads;
        }
    }

    static Result run(Args args) throws InterruptedException {
        Target target = Target.of(args.text("url", "http://127.0.0.1:19200/bench"));
        int subscribers = args.integer("subscribers", 100);
        int slow = args.integer("slow", 0);
        int window = args.integer("window", 20);
        double rate = args.decimal("rate", 0);
        int bytes = args.integer("bytes", 64);
        int warmup = args.integer("warmup", 5);
        int secs = args.integer("secs", 20);
        int loopCount = args.integer("loops", 2);
        int sampleSecs = args.integer("sample", 0);
        Traffic traffic = Traffic.of(args);
        args.checkAllRead();

        ServerStats before = ServerStats.fetch(target);
        FanoutScenario scenario = new FanoutScenario(subscribers, slow, window, rate, bytes);
        try (Loops loops = new Loops(loopCount, traffic)) {
            Connector.Outcome connected = new Connector(loops, 500).openAll(subscribers + 1, scenario::listener,
                    target, scenario.progress);
            scenario.publisher = connected.sockets().get(subscribers);
            scenario.warmUp();

            scenario.publishing = true;
            scenario.publisher.loop.execute(scenario::startPublishing);
            TimeUnit.SECONDS.sleep(warmup);
            MemorySampler memory = sampleSecs > 0 ? new MemorySampler(target, sampleSecs) : null;
            MeasuredWindow measured = MeasuredWindow.measure(loops, before.pid(), secs,
                    scenario.deliveries::sum, () -> scenario.publishedSoFar);
            scenario.publishing = false;
            if (memory != null) {
                memory.stop();
            }
            long lost = scenario.drainAndCountLoss();
            // Before the load generator closes its sockets: only the server's closes count.
            long slowClosed = scenario.slowClosed.sum();
            connected.sockets().forEach(socket -> socket.loop.execute(socket::close));

            String label = "s" + subscribers + (rate > 0 ? "r" + (long) rate : "w" + window) + "b" + bytes
                    + (slow > 0 ? "slow" + slow : "");
            CpuClock cpu = measured.cpu();
            Result result = new Result("fanout", before.server(), label, traffic)
                    .put("deliveries/s", measured.rate(0), 0)
                    .put("publish/s", measured.rate(1), 0)
                    .latencies(measured.latencies())
                    .put("lost", lost)
                    .put("reordered", scenario.reordered.sum())
                    .put("slowClosed", slowClosed);
            cpu.describe(result);
            result.put("deliveries/serverCpuSec", measured.counts()[0] / (cpu.serverNanos / 1e9), 0);
            if (memory != null) {
                memory.describe(result, before);
            }
            return result;
        }
    }

    private BenchSocket.Listener listener(int index) {
        if (index == subscribers) {
            return new Publisher();
        }
        Subscriber subscriber = new Subscriber(index >= slow);
        if (subscriber.reads) {
            readers.add(subscriber);
        }
        return new BenchSocket.Listener() {
            @Override
            public void ready(BenchSocket socket) {
                socket.send("{\"rpc\":\"_subscribe\",\"uuid\":\"s\",\"req\":{\"channel\":\"" + CHANNEL + "\"}}");
                progress.ready();
            }

            @Override
            public void message(BenchSocket socket, String json) {
                received(socket, subscriber, json);
            }

            @Override
            public void closed(BenchSocket socket, String why) {
                if (!socket.wasReady()) {
                    progress.failed(why);
                } else if (!subscriber.reads) {
                    slowClosed.increment();
                } else if (publishing) {
                    System.err.println("a reading subscriber was closed: " + why);
                }
            }
        };
    }

    /**
     * Publishes probes (sequence -1) until every subscriber has received one: subscriptions take effect
     * asynchronously, and neither server says when. Then the slow subscribers stop reading.
     */
    private void warmUp() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (warmSubscribers() < subscribers) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + warmSubscribers() + " of " + subscribers + " subscribers got a probe");
            }
            publisher.loop.execute(() -> publish(-1));
            TimeUnit.MILLISECONDS.sleep(100);
        }
        TimeUnit.MILLISECONDS.sleep(500);
    }

    private volatile int warm;

    private int warmSubscribers() {
        return warm;
    }

    private void received(BenchSocket socket, Subscriber subscriber, String json) {
        if (!json.startsWith("{\"channel\"") && !json.contains("\"channel\":\"" + CHANNEL + "\",\"message\"")) {
            return;
        }
        long sequence = number(json, "\"i\":");
        if (sequence < 0) {
            if (!subscriber.warm) {
                subscriber.warm = true;
                synchronized (this) {
                    warm++;
                }
                if (!subscriber.reads) {
                    socket.stopReading();
                }
            }
            return;
        }
        long sentAt = number(json, "\"t\":");
        socket.loop.latencies.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sentAt),
                socket.loop.latencies.getHighestTrackableValue()));
        deliveries.increment();
        subscriber.received++;
        if (sequence < subscriber.last) {
            reordered.increment();
        }
        subscriber.last = Math.max(subscriber.last, sequence);
        if (!subscriber.reads) {
            return;
        }
        int slot = (int) (sequence & (RING - 1));
        if (holders.incrementAndGet(slot) == subscribers - slow) {
            holders.set(slot, 0);
            complete.incrementAndGet();
            if (publisherWaiting) {
                publisher.loop.execute(this::pump);
            }
        }
    }

    private static long number(String json, String key) {
        int at = json.indexOf(key);
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        int i = at + key.length();
        boolean negative = json.charAt(i) == '-';
        if (negative) {
            i++;
        }
        for (; i < json.length() && Character.isDigit(json.charAt(i)); i++) {
            value = value * 10 + (json.charAt(i) - '0');
        }
        return negative ? -value : value;
    }

    // ---- the publisher (on its socket's loop) --------------------------------------------------------------

    private void startPublishing() {
        if (rate > 0) {
            new Paced().run();
        } else {
            pump();
        }
    }

    /** As fast as allowed: keeps up to W messages not yet delivered to every reading subscriber. */
    private void pump() {
        publisherWaiting = false;
        while (publishing) {
            if (published - complete.get() >= window) {
                publisherWaiting = true;
                // A completion may have landed between the check and the flag: look once more.
                if (published - complete.get() >= window) {
                    return;
                }
                publisherWaiting = false;
            }
            publish(published++);
            publishedSoFar = published;
        }
    }

    /** At a set rate: a burst every 10 ms, whatever the subscribers do. */
    private final class Paced implements Runnable {
        private static final long TICK = TimeUnit.MILLISECONDS.toNanos(10);
        private final long start = System.nanoTime();

        @Override
        public void run() {
            if (!publishing) {
                return;
            }
            long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
            while (published < due) {
                publish(published++);
            }
            publishedSoFar = published;
            publisher.loop.schedule(TICK, this);
        }
    }

    private void publish(long sequence) {
        publisher.send("{\"rpc\":\"_publish\",\"uuid\":\"p\",\"req\":{\"channel\":\"" + CHANNEL + "\",\"data\":{\"i\":"
                + sequence + ",\"t\":" + System.nanoTime() + ",\"p\":\"" + payload + "\"}}}");
    }

    /** Waits until reading subscribers stop receiving, then counts what they never got. */
    private long drainAndCountLoss() throws InterruptedException {
        long total = publishedSoFar;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long seen = -1;
        while (System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(500);
            long now = deliveries.sum();
            if (now == seen && missing(total) == 0) {
                break;
            }
            seen = now;
        }
        return missing(total);
    }

    private long missing(long total) {
        long missing = 0;
        for (Subscriber reader : readers) {
            missing += Math.max(0, total - reader.received);
        }
        return missing;
    }

    private final class Publisher implements BenchSocket.Listener {
        @Override
        public void ready(BenchSocket socket) {
            progress.ready();
        }

        @Override
        public void message(BenchSocket socket, String json) {
            // answers to _publish (this project's server sends them, the Node module does not)
        }

        @Override
        public void closed(BenchSocket socket, String why) {
            if (!socket.wasReady()) {
                progress.failed(why);
            } else if (publishing) {
                System.err.println("the publisher was closed: " + why);
            }
        }
    }

    /** Reads the server's memory every few seconds while an overload runs (off the loops: it blocks). */
    private static final class MemorySampler {
        private final Thread thread;
        private volatile boolean running = true;
        private long maxHeap;
        private long maxRss;
        private long lastHeap;
        private long lastSockets = -1;
        private int samples;

        MemorySampler(Target target, int everySeconds) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        TimeUnit.SECONDS.sleep(everySeconds);
                    } catch (InterruptedException e) {
                        return;
                    }
                    ServerStats stats = ServerStats.fetch(target);
                    synchronized (this) {
                        maxHeap = Math.max(maxHeap, stats.heapUsed());
                        maxRss = Math.max(maxRss, stats.rss());
                        lastHeap = stats.heapUsed();
                        lastSockets = stats.sockets();
                        samples++;
                    }
                }
            }, "memory-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }

        synchronized void describe(Result result, ServerStats before) {
            // A subscriber that does not read never sees its close either: the server's own count tells.
            result.put("samples", samples)
                    .put("serverSocketsLast", lastSockets)
                    .put("heapBeforeMB", before.heapUsed() / 1048576.0, 1)
                    .put("heapMaxMB", maxHeap / 1048576.0, 1)
                    .put("heapLastMB", lastHeap / 1048576.0, 1)
                    .put("rssBeforeMB", before.rss() / 1048576.0, 1)
                    .put("rssMaxMB", maxRss / 1048576.0, 1);
        }
    }
}
