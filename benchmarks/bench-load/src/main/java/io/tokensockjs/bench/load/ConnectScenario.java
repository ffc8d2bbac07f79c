package io.tokensockjs.bench.load;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code connect}: N sockets opened at R per second (token, websocket, auth), then held idle for H seconds. The
 * server's heap after full collections and its resident set are read before and after: their growth per held
 * socket is what an idle authenticated socket costs. {@code --url} may list several servers (comma-separated):
 * sockets are spread over them and the costs summed, for a machine whose open-files limit stops one process.
 */
final class ConnectScenario implements BenchSocket.Listener {

    private final LongAdder droppedWhileHeld = new LongAdder();
    private final Connector.Progress progress;
    private volatile String lastDrop = "";
    private volatile boolean holding = true;

    private ConnectScenario(int count) {
        progress = new Connector.Progress(count);
    }

    static Result run(Args args) throws InterruptedException {
        Target[] targets = Arrays.stream(args.text("url", "http://127.0.0.1:19200/bench").split(","))
                .map(String::trim).map(Target::of).toArray(Target[]::new);
        int count = args.integer("sockets", 1000);
        double rate = args.decimal("rate", 1000);
        int hold = args.integer("hold", 10);
        int loopCount = args.integer("loops", 2);
        Traffic traffic = Traffic.of(args);
        args.checkAllRead();

        ServerStats[] before = Arrays.stream(targets).map(ServerStats::fetch).toArray(ServerStats[]::new);
        ConnectScenario scenario = new ConnectScenario(count);
        try (Loops loops = new Loops(loopCount, traffic)) {
            CpuClock cpu = new CpuClock(before[0].pid());
            cpu.start();
            Connector.Outcome outcome = new Connector(loops, rate).open(count, i -> scenario, targets,
                    scenario.progress, (long) (count / rate) + 120);
            cpu.stop();
            TimeUnit.SECONDS.sleep(hold);
            ServerStats[] after = Arrays.stream(targets).map(ServerStats::fetch).toArray(ServerStats[]::new);
            long held = 0;
            long heapGrowth = 0;
            long rssGrowth = 0;
            for (int i = 0; i < targets.length; i++) {
                held += after[i].sockets() - before[i].sockets();
                heapGrowth += after[i].heapUsed() - before[i].heapUsed();
                rssGrowth += after[i].rss() - before[i].rss();
            }
            long dropped = scenario.droppedWhileHeld.sum();
            long open = outcome.ready() - dropped;
            scenario.holding = false;
            outcome.sockets().forEach(socket -> socket.loop.execute(socket::close));

            Result result = new Result("connect", before[0].server(), "n" + count + (targets.length > 1 ? "x" + targets.length : ""), traffic)
                    .put("ready", outcome.ready())
                    .put("failed", outcome.failed())
                    .put("dropped", dropped)
                    .put("serverSockets", held)
                    .put("connects/s", outcome.ready() / outcome.seconds(), 0)
                    .put("heapKB/socket", heapGrowth / 1024.0 / Math.max(1, open), 2)
                    .put("rssKB/socket", rssGrowth / 1024.0 / Math.max(1, open), 2)
                    .put("heapAfterMB", Arrays.stream(after).mapToLong(ServerStats::heapUsed).sum() / 1048576.0, 1)
                    .put("rssAfterMB", Arrays.stream(after).mapToLong(ServerStats::rss).sum() / 1048576.0, 1);
            if (targets.length == 1) {
                result.put("serverCpuMs/connect", cpu.serverNanos / 1e6 / Math.max(1, outcome.ready()), 3);
            }
            if (!outcome.reasons().isEmpty() || !scenario.lastDrop.isEmpty()) {
                result.put("why", outcome.reasons() + " " + scenario.lastDrop);
            }
            return result;
        }
    }

    @Override
    public void ready(BenchSocket socket) {
        progress.ready();
    }

    @Override
    public void message(BenchSocket socket, String json) {
        // idle: nothing is asked, answers and heartbeats are ignored
    }

    @Override
    public void closed(BenchSocket socket, String why) {
        if (!socket.wasReady()) {
            progress.failed(why);
        } else if (holding) {
            droppedWhileHeld.increment();
            lastDrop = why;
        }
    }
}
