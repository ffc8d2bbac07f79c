package io.tokensockjs.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code rpc}: C clients each keep W {@code echo} calls of B bytes in flight for T seconds. Each call's uuid is
 * its slot (0..W-1), free again once answered, so a socket needs only an array of send times.
 */
final class RpcScenario implements BenchSocket.Listener {

    private final int inflight;
    /** The frame of a call is these two around the slot number (ASCII only, quoted once here). */
    private final String framePrefix;
    private final String frameSuffix;
    private final int payloadBytes;
    private final LongAdder answered = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile boolean calling = true;
    private Connector.Progress progress;

    private RpcScenario(int inflight, int payloadBytes) {
        this.inflight = inflight;
        this.payloadBytes = payloadBytes;
        String frame = SockJsText.frame("{\"rpc\":\"echo\",\"uuid\":\"#\",\"req\":\"" + "x".repeat(payloadBytes) + "\"}");
        framePrefix = frame.substring(0, frame.indexOf('#'));
        frameSuffix = frame.substring(frame.indexOf('#') + 1);
    }

    static Result run(Args args) throws InterruptedException {
        Target target = Target.of(args.text("url", "http://127.0.0.1:19200/bench"));
        int clients = args.integer("clients", 50);
        int inflight = args.integer("inflight", 1);
        int bytes = args.integer("bytes", 64);
        int warmup = args.integer("warmup", 5);
        int secs = args.integer("secs", 20);
        int loopCount = args.integer("loops", 2);
        Traffic traffic = Traffic.of(args);
        args.checkAllRead();

        ServerStats server = ServerStats.fetch(target);
        RpcScenario scenario = new RpcScenario(inflight, bytes);
        try (Loops loops = new Loops(loopCount, traffic)) {
            scenario.progress = new Connector.Progress(clients);
            Connector.Outcome connected = new Connector(loops, 500).openAll(clients, i -> scenario, target, scenario.progress);
            for (BenchSocket socket : connected.sockets()) {
                socket.loop.execute(() -> scenario.start(socket));
            }
            TimeUnit.SECONDS.sleep(warmup);
            MeasuredWindow window = MeasuredWindow.measure(loops, server.pid(), secs,
                    scenario.answered::sum, scenario.errors::sum);
            scenario.calling = false;
            connected.sockets().forEach(socket -> socket.loop.execute(socket::close));

            long calls = window.counts()[0];
            CpuClock cpu = window.cpu();
            Result result = new Result("rpc", server.server(), "c" + clients + "w" + inflight + "b" + bytes, traffic)
                    .put("calls/s", window.rate(0), 0)
                    .latencies(window.latencies())
                    .put("errors", window.counts()[1]);
            cpu.describe(result);
            return result.put("calls/serverCpuSec", calls / (cpu.serverNanos / 1e9), 0)
                    .put("serverCpuUs/call", cpu.serverNanos / 1e3 / calls, 1)
                    .put("loadCpuUs/call", cpu.ownNanos / 1e3 / calls, 1);
        }
    }

    /** Fills every slot of a socket: W calls in flight from now on. */
    private void start(BenchSocket socket) {
        long[] sentAt = new long[inflight];
        socket.attachment = sentAt;
        for (int slot = 0; slot < inflight; slot++) {
            call(socket, sentAt, slot);
        }
    }

    private void call(BenchSocket socket, long[] sentAt, int slot) {
        sentAt[slot] = System.nanoTime();
        socket.sendFrame(framePrefix + slot + frameSuffix);
    }

    @Override
    public void ready(BenchSocket socket) {
        progress.ready();
    }

    @Override
    public void message(BenchSocket socket, String json) {
        long now = System.nanoTime();
        long[] sentAt = (long[]) socket.attachment;
        int at = json.indexOf("\"uuid\":\"");
        if (sentAt == null || at < 0) {
            return;
        }
        int slot = 0;
        for (int i = at + 8; i < json.length() && json.charAt(i) != '"'; i++) {
            slot = slot * 10 + (json.charAt(i) - '0');
        }
        if (slot < 0 || slot >= inflight) {
            errors.increment();
            return;
        }
        // An echo answer holds the payload back; anything shorter is an error answer.
        if (json.length() < payloadBytes || !json.contains("\"resp\"")) {
            errors.increment();
        }
        answered.increment();
        socket.loop.latencies.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(now - sentAt[slot]),
                socket.loop.latencies.getHighestTrackableValue()));
        if (calling) {
            call(socket, sentAt, slot);
        }
    }

    @Override
    public void closed(BenchSocket socket, String why) {
        if (!socket.wasReady()) {
            progress.failed(why);
        } else if (calling) {
            errors.increment();
            System.err.println("socket lost during the run: " + why);
        }
    }
}
