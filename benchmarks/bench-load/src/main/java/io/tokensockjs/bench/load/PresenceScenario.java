package io.tokensockjs.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code presence}: N sockets, spread over the servers of {@code --url} (comma-separated, sharing one Redis), each
 * subscribes to one channel as soon as it is authenticated. Measured: the time until every subscription was
 * answered, and the time until every server's {@code GET /bench/presence} counts all N (a consistent presence),
 * both from the first connect. Redis memory is read by bench.sh around the run.
 */
final class PresenceScenario implements BenchSocket.Listener {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Connector.Progress progress;
    private final String subscribe;
    private final LongAdder subscribed = new LongAdder();
    private volatile long lastSubscribedNanos;

    private PresenceScenario(int count, String channel) {
        progress = new Connector.Progress(count);
        subscribe = "{\"rpc\":\"_subscribe\",\"req\":{\"channel\":\"" + channel + "\"},\"uuid\":1}";
    }

    static Result run(Args args) throws InterruptedException {
        Target[] targets = Arrays.stream(args.text("url", "http://127.0.0.1:19200/bench").split(","))
                .map(String::trim).map(Target::of).toArray(Target[]::new);
        int count = args.integer("sockets", 10000);
        double rate = args.decimal("rate", 1000);
        int hold = args.integer("hold", 5);
        int loopCount = args.integer("loops", 2);
        String channel = args.text("channel", "bench-presence-" + Long.toString(System.nanoTime(), 36));
        String redis = args.text("redis", "127.0.0.1:19399");
        Traffic traffic = Traffic.of(args);
        args.checkAllRead();
        long redisBefore = redisUsedMemory(redis);

        PresenceScenario scenario = new PresenceScenario(count, channel);
        try (Loops loops = new Loops(loopCount, traffic)) {
            long start = System.nanoTime();
            Connector.Outcome outcome = new Connector(loops, rate).open(count, i -> scenario, targets,
                    scenario.progress, (long) (count / rate) + 120);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (scenario.subscribed.sum() < outcome.ready() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            long subscribedNanos = scenario.lastSubscribedNanos - start;
            long[] seen = new long[targets.length];
            long consistentNanos = -1;
            while (System.nanoTime() < deadline) {
                boolean all = true;
                for (int i = 0; i < targets.length; i++) {
                    seen[i] = presence(targets[i], channel);
                    all &= seen[i] == outcome.ready();
                }
                if (all) {
                    consistentNanos = System.nanoTime() - start;
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
            long redisAfter = redisUsedMemory(redis);
            long queryStart = System.nanoTime();
            presence(targets[0], channel);
            long queryNanos = System.nanoTime() - queryStart;
            TimeUnit.SECONDS.sleep(hold);
            outcome.sockets().forEach(socket -> socket.loop.execute(socket::close));
            return new Result("presence", "java", "n" + count + "x" + targets.length, traffic)
                    .put("ready", outcome.ready())
                    .put("failed", outcome.failed())
                    .put("subscribed", scenario.subscribed.sum())
                    .put("allSubscribedS", subscribedNanos / 1e9, 2)
                    .put("consistentS", consistentNanos / 1e9, 2)
                    .put("lagAfterLastSubscribeMs", (consistentNanos - subscribedNanos) / 1e6, 0)
                    .put("presenceQueryMs", queryNanos / 1e6, 0)
                    .put("redisUsedMemoryGrowthKB", (redisAfter - redisBefore) / 1024.0, 1)
                    .put("redisBytes/socket", (redisAfter - redisBefore) / (double) Math.max(1, outcome.ready()), 1)
                    .put("seen", Arrays.toString(seen));
        }
    }

    /** {@code used_memory} of {@code INFO memory}, asked over a plain connection (an inline command). */
    static long redisUsedMemory(String hostPort) {
        String[] parts = hostPort.split(":");
        try (java.net.Socket socket = new java.net.Socket(parts[0], Integer.parseInt(parts[1]))) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("INFO memory\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("used_memory:")) {
                    return Long.parseLong(line.substring("used_memory:".length()).trim());
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No INFO memory from Redis at " + hostPort + ": " + e, e);
        }
    }

    private static long presence(Target target, String channel) {
        URI uri = URI.create("http://" + target.hostHeader() + target.basePath() + "/bench/presence?channel=" + channel);
        try {
            String body = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"presence\":(\\d+)").matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void ready(BenchSocket socket) {
        progress.ready();
        socket.send(subscribe);
    }

    @Override
    public void message(BenchSocket socket, String json) {
        if (json.startsWith("{\"rpc\":\"_subscribe\"") && json.contains("\"resp\"")) {
            subscribed.increment();
            lastSubscribedNanos = System.nanoTime();
        }
    }

    @Override
    public void closed(BenchSocket socket, String why) {
        if (!socket.wasReady()) {
            progress.failed(why);
        }
    }
}
