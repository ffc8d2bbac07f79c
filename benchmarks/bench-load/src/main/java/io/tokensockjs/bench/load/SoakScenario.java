package io.tokensockjs.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code soak}: everything at once for a long time, with Redis killed every few minutes. Paced load, low enough
 * to leave the machine to others: RPC calls ({@code echo}) from a few held sockets, messages published through
 * the server to a channel with many subscribers (each message carries its sequence number, so every subscriber's
 * every miss is counted), and short connect/token/authenticate/close cycles. {@link SoakRedis} owns Redis and its
 * fault windows. Every minute a table row: what was done that minute, the server's heap after full collections,
 * RSS, threads, file descriptors and sockets, and Redis's used memory. At the end: what failed or was lost inside
 * and outside the fault windows.
 */
final class SoakScenario {

    private static final String CHANNEL = "soak";
    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(10);

    private final Target target;
    private final SoakRedis redis;
    private final int subscribers;
    private final double rpcRate;
    private final double publishRate;
    private final double connectRate;
    private final String payload;

    private final LongAdder rpcOk = new LongAdder();
    private final LongAdder rpcErrors = new LongAdder();
    private final LongAdder rpcSent = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder publishOk = new LongAdder();
    private final LongAdder publishRefused = new LongAdder();
    private final LongAdder publishRefusedOutside = new LongAdder();
    private final LongAdder connectOk = new LongAdder();
    private final LongAdder connectFailed = new LongAdder();
    private final LongAdder connectFailedOutside = new LongAdder();
    private final LongAdder rpcErrorsOutside = new LongAdder();
    private final LongAdder socketsLost = new LongAdder();
    private final LongAdder cyclesOpen = new LongAdder();
    private final List<String> failureSamples = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Per sequence number: the nanoTime it was published at, whether the server took it (1) or refused it (2). */
    private final long[] publishedAt;
    private final AtomicIntegerArray publishStatus;
    /** Per sequence number: subscribers that received it. */
    private final AtomicIntegerArray holders;
    private volatile boolean running = true;
    private long published;
    private volatile long publishedSoFar;
    private volatile Connector.Progress progress;
    /** Subscribers that received a probe. */
    private final java.util.Set<BenchSocket> warmSockets = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SoakScenario(Target target, SoakRedis redis, int subscribers, double rpcRate, double publishRate,
                         double connectRate, int bytes, int capacity) {
        this.target = target;
        this.redis = redis;
        this.subscribers = subscribers;
        this.rpcRate = rpcRate;
        this.publishRate = publishRate;
        this.connectRate = connectRate;
        this.payload = "x".repeat(bytes);
        this.publishedAt = new long[capacity];
        this.publishStatus = new AtomicIntegerArray(capacity);
        this.holders = new AtomicIntegerArray(capacity);
    }

    static Result run(Args args) throws Exception {
        Target target = Target.of(args.text("url", "http://127.0.0.1:19200/bench"));
        int minutes = args.integer("minutes", 60);
        double rpcRate = args.decimal("rpc-rate", 320);
        int rpcClients = args.integer("rpc-clients", 10);
        int subscribers = args.integer("subscribers", 100);
        double publishRate = args.decimal("publish-rate", 32);
        double connectRate = args.decimal("connect-rate", 31);
        int bytes = args.integer("bytes", 64);
        int redisPort = args.integer("redis-port", 19499);
        int killEvery = args.integer("kill-every", 300);
        int downSecs = args.integer("down", 2);
        int loopCount = args.integer("loops", 2);
        String redisLog = args.text("redis-log", "target/soak-redis.log");
        Traffic traffic = Traffic.of(args);
        args.checkAllRead();

        URI readiness = URI.create("http://" + target.hostHeader() + "/health/ready");
        int capacity = (int) (publishRate * 60 * (minutes + 2)) + 10_000;
        try (SoakRedis redis = new SoakRedis(redisPort, Path.of(redisLog), readiness, Duration.ofSeconds(killEvery),
                Duration.ofSeconds(downSecs));
             Loops loops = new Loops(loopCount, traffic)) {
            redis.start();
            ServerStats before = ServerStats.fetch(target);
            SoakScenario soak = new SoakScenario(target, redis, subscribers, rpcRate, publishRate, connectRate, bytes, capacity);
            System.out.printf("# soak %s: %d min, %s calls/s from %d sockets, %s msg/s to %d subscribers, %s connects/s,"
                            + " Redis :%d killed every %d s for %d s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    minutes, rpcRate, rpcClients, publishRate, subscribers, connectRate, redisPort, killEvery, downSecs);
            soak.runFor(loops, rpcClients, minutes, before);
            return soak.result(before, traffic);
        }
    }

    private void runFor(Loops loops, int rpcClients, int minutes, ServerStats before) throws Exception {
        progress = new Connector.Progress(subscribers + 1 + rpcClients);
        Connector.Outcome held = new Connector(loops, 200).openAll(subscribers + 1 + rpcClients, this::heldListener,
                target, progress);
        BenchSocket publisher = held.sockets().get(subscribers);
        warmUp(publisher);
        List<BenchSocket> callers = held.sockets().subList(subscribers + 1, subscribers + 1 + rpcClients);

        long start = System.nanoTime();
        redis.startFaults();
        for (BenchSocket caller : callers) {
            caller.loop.execute(() -> paced(caller.loop, start, rpcRate / callers.size(), n -> call(caller, n)));
        }
        publisher.loop.execute(() -> paced(publisher.loop, start, publishRate, n -> publish(publisher)));
        EventLoop cycles = loops.first();
        cycles.execute(() -> paced(cycles, start, connectRate, n -> cycle(loops.next(), n)));

        System.out.println();
        System.out.println("| min | calls | call err | deliveries | published | refused | connects | conn fail | faults "
                + "| heap MB (after GC) | RSS MB | threads | fds | sockets | Redis MB |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        long[] last = new long[7];
        for (int minute = 1; minute <= minutes; minute++) {
            long due = start + TimeUnit.MINUTES.toNanos(minute);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            long[] now = {rpcOk.sum(), rpcErrors.sum(), deliveries.sum(), publishOk.sum(), publishRefused.sum(),
                    connectOk.sum(), connectFailed.sum()};
            ServerStats stats = ServerStats.fetch(target);
            SoakProcess process = SoakProcess.of(stats.pid());
            long redisMemory = redis.usedMemory();
            System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %d | %.1f | %.1f | %d | %d | %d | %s |%n", minute,
                    now[0] - last[0], now[1] - last[1], now[2] - last[2], now[3] - last[3], now[4] - last[4],
                    now[5] - last[5], now[6] - last[6], redis.windows().size(), stats.heapUsed() / 1048576.0,
                    stats.rss() / 1048576.0, process.threads(), process.fileDescriptors(), stats.sockets(),
                    redisMemory < 0 ? "down" : String.format("%.2f", redisMemory / 1048576.0));
            System.out.flush();
            last = now;
        }
        running = false;
        drain();
        held.sockets().forEach(socket -> socket.loop.execute(socket::close));
    }

    /** Runs {@code action} at {@code perSecond} on the loop from {@code start}, by the clock, until the soak ends. */
    private void paced(EventLoop loop, long start, double perSecond, java.util.function.LongConsumer action) {
        long[] done = new long[1];
        Runnable tick = new Runnable() {
            @Override
            public void run() {
                if (!running) {
                    return;
                }
                long due = (long) ((System.nanoTime() - start) / 1e9 * perSecond);
                while (done[0] < due) {
                    action.accept(done[0]++);
                }
                loop.schedule(TICK, this);
            }
        };
        tick.run();
    }

    // ---- held sockets: subscribers, the publisher, the callers ------------------------------------------------

    private BenchSocket.Listener heldListener(int index) {
        return new BenchSocket.Listener() {
            @Override
            public void ready(BenchSocket socket) {
                if (index < subscribers) {
                    socket.send("{\"rpc\":\"_subscribe\",\"uuid\":\"s\",\"req\":{\"channel\":\"" + CHANNEL + "\"}}");
                }
                progress.ready();
            }

            @Override
            public void message(BenchSocket socket, String json) {
                if (index < subscribers) {
                    received(socket, json);
                } else if (index == subscribers) {
                    published(json);
                } else {
                    answered(json);
                }
            }

            @Override
            public void closed(BenchSocket socket, String why) {
                if (!running && why.startsWith("closed by the load generator")) {
                    return;
                }
                if (socket.wasReady()) {
                    socketsLost.increment();
                    sample("held socket " + index + " closed: " + why);
                } else {
                    progress.failed(why);
                }
            }
        };
    }

    /** Probes (sequence -1) until every subscriber has one: subscriptions take effect a moment after they are asked. */
    private void warmUp(BenchSocket publisher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (warmCount() < subscribers) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + warmCount() + " of " + subscribers + " subscribers got a probe");
            }
            publisher.loop.execute(() -> publisher.send("{\"rpc\":\"_publish\",\"uuid\":\"w\",\"req\":{\"channel\":\""
                    + CHANNEL + "\",\"data\":{\"i\":-1}}}"));
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private long warmCount() {
        return warmSockets.size();
    }

    private void received(BenchSocket socket, String json) {
        if (!json.contains("\"channel\":\"" + CHANNEL + "\"") || !json.contains("\"i\":")) {
            return;
        }
        long sequence = number(json, "\"i\":");
        if (sequence < 0) {
            warmSockets.add(socket);
            return;
        }
        if (sequence < holders.length()) {
            holders.incrementAndGet((int) sequence);
        }
        deliveries.increment();
    }

    private void publish(BenchSocket publisher) {
        long sequence = published++;
        if (sequence >= publishedAt.length) {
            return;
        }
        publishedAt[(int) sequence] = System.nanoTime();
        publishedSoFar = published;
        publisher.send("{\"rpc\":\"_publish\",\"uuid\":\"p" + sequence + "\",\"req\":{\"channel\":\"" + CHANNEL
                + "\",\"data\":{\"i\":" + sequence + ",\"p\":\"" + payload + "\"}}}");
    }

    private void published(String json) {
        int at = json.indexOf("\"uuid\":\"p");
        if (at < 0) {
            return;
        }
        int sequence = (int) number(json, "\"uuid\":\"p");
        boolean ok = json.contains("\"resp\"") && !json.contains("\"error\"");
        publishStatus.set(sequence, ok ? 1 : 2);
        if (ok) {
            publishOk.increment();
        } else {
            publishRefused.increment();
            if (!redis.inWindow(publishedAt[sequence])) {
                publishRefusedOutside.increment();
                sample("publish refused outside a fault window: " + json);
            }
        }
    }

    private void call(BenchSocket caller, long n) {
        rpcSent.increment();
        caller.send("{\"rpc\":\"echo\",\"uuid\":\"" + System.nanoTime() + "\",\"req\":\"" + payload + "\"}");
    }

    private void answered(String json) {
        if (!json.contains("\"rpc\":\"echo\"")) {
            return;
        }
        if (json.contains("\"resp\"")) {
            rpcOk.increment();
            return;
        }
        rpcErrors.increment();
        long sentAt = number(json, "\"uuid\":\"");
        if (!redis.inWindow(sentAt)) {
            rpcErrorsOutside.increment();
            sample("call failed outside a fault window: " + json);
        }
    }

    // ---- connect/authenticate/close cycles --------------------------------------------------------------------

    private void cycle(EventLoop loop, long n) {
        long startedAt = System.nanoTime();
        cyclesOpen.increment();
        BenchSocket socket = new BenchSocket(loop, target, new BenchSocket.Listener() {
            @Override
            public void ready(BenchSocket socket) {
                connectOk.increment();
                socket.close();
            }

            @Override
            public void message(BenchSocket socket, String json) {
            }

            @Override
            public void closed(BenchSocket socket, String why) {
                cyclesOpen.decrement();
                if (socket.wasReady()) {
                    return;
                }
                connectFailed.increment();
                if (!redis.inWindow(startedAt) && !redis.inWindow(System.nanoTime())) {
                    connectFailedOutside.increment();
                    sample("connect failed outside a fault window: " + why);
                }
            }
        });
        loop.execute(socket::open);
    }

    // ---- the end ----------------------------------------------------------------------------------------------

    /** Waits until deliveries stop: what is still missing then is lost. */
    private void drain() throws InterruptedException {
        long seen = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(1);
            long now = deliveries.sum();
            if (now == seen) {
                return;
            }
            seen = now;
        }
    }

    private Result result(ServerStats before, Traffic traffic) {
        long total = Math.min(publishedSoFar, publishedAt.length);
        long lostInside = 0;
        long lostOutside = 0;
        long messagesHitInside = 0;
        long messagesHitOutside = 0;
        long unanswered = 0;
        for (int sequence = 0; sequence < total; sequence++) {
            int status = publishStatus.get(sequence);
            if (status == 2) {
                continue;
            }
            if (status == 0) {
                unanswered++;
            }
            long missing = Math.max(0, subscribers - holders.get(sequence));
            if (missing == 0) {
                continue;
            }
            if (redis.inWindow(publishedAt[sequence])) {
                lostInside += missing;
                messagesHitInside++;
            } else {
                lostOutside += missing;
                messagesHitOutside++;
            }
        }
        List<SoakRedis.Window> windows = redis.windows();
        long maxDown = windows.stream().mapToLong(w -> w.downMillis).max().orElse(0);
        double meanDown = windows.stream().mapToLong(w -> w.downMillis).average().orElse(0);
        System.out.println();
        System.out.println("faults: " + windows.size() + " Redis kills; kill to server ready again: mean "
                + Math.round(meanDown) + " ms, max " + maxDown + " ms (Redis restarted after the pause)");
        System.out.println("deliveries lost inside fault windows: " + lostInside + " (" + messagesHitInside
                + " messages); outside: " + lostOutside + " (" + messagesHitOutside + " messages)");
        System.out.println("publishes refused: " + publishRefused.sum() + " (outside windows " + publishRefusedOutside.sum()
                + "), never answered: " + unanswered);
        System.out.println("calls: " + rpcOk.sum() + " answered of " + rpcSent.sum() + " sent, errors " + rpcErrors.sum()
                + " (outside windows " + rpcErrorsOutside.sum() + ")");
        System.out.println("connect cycles: " + connectOk.sum() + " ok, " + connectFailed.sum() + " failed (outside windows "
                + connectFailedOutside.sum() + "), still open at the end " + cyclesOpen.sum());
        System.out.println("held sockets closed by the server: " + socketsLost.sum());
        synchronized (failureSamples) {
            failureSamples.forEach(s -> System.out.println("  e.g. " + s));
        }
        return new Result("soak", before.server(), "soak", traffic)
                .put("calls", rpcOk.sum())
                .put("callErrorsOutside", rpcErrorsOutside.sum())
                .put("deliveries", deliveries.sum())
                .put("lostInside", lostInside)
                .put("lostOutside", lostOutside)
                .put("connects", connectOk.sum())
                .put("connectFailedOutside", connectFailedOutside.sum())
                .put("faults", windows.size())
                .put("heldSocketsLost", socketsLost.sum());
    }

    private void sample(String failure) {
        if (failureSamples.size() < 20) {
            failureSamples.add(failure);
        }
    }

    private static long number(String json, String key) {
        int at = json.indexOf(key);
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        int i = at + key.length();
        boolean negative = i < json.length() && json.charAt(i) == '-';
        if (negative) {
            i++;
        }
        for (; i < json.length() && Character.isDigit(json.charAt(i)); i++) {
            value = value * 10 + (json.charAt(i) - '0');
        }
        return negative ? -value : value;
    }
}
