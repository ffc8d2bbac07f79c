package io.tokensockjs.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code token}: C keep-alive HTTP connections, each asking the token route for a token again as soon as it has
 * one, for T seconds. A token is counted when the answer is a 200 holding one.
 */
final class TokenScenario {

    private final LongAdder issued = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile boolean asking = true;

    static Result run(Args args) throws InterruptedException {
        Target target = Target.of(args.text("url", "http://127.0.0.1:19200/bench"));
        int clients = args.integer("clients", 20);
        int warmup = args.integer("warmup", 5);
        int secs = args.integer("secs", 20);
        int loopCount = args.integer("loops", 2);
        // Another GET route of the same server instead (say /sockets/info): the HTTP floor the token route sits on.
        String path = args.text("path", null);
        Traffic traffic = Traffic.of(args);
        args.checkAllRead();

        ServerStats server = ServerStats.fetch(target);
        TokenScenario scenario = new TokenScenario();
        try (Loops loops = new Loops(loopCount, traffic)) {
            List<Getter> getters = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Getter getter = scenario.new Getter(loops.next(), target, path == null ? target.tokenPath() : target.basePath() + path);
                getters.add(getter);
                getter.loop.execute(getter::open);
            }
            TimeUnit.SECONDS.sleep(warmup);
            MeasuredWindow window = MeasuredWindow.measure(loops, server.pid(), secs,
                    scenario.issued::sum, scenario.errors::sum);
            scenario.asking = false;

            long tokens = window.counts()[0];
            CpuClock cpu = window.cpu();
            Result result = new Result("token", server.server(), "c" + clients + (path == null ? "" : path.replace('/', '_')), traffic)
                    .put("tokens/s", window.rate(0), 0)
                    .latencies(window.latencies())
                    .put("errors", window.counts()[1]);
            cpu.describe(result);
            return result.put("tokens/serverCpuSec", tokens / (cpu.serverNanos / 1e9), 0)
                    .put("serverCpuUs/token", cpu.serverNanos / 1e3 / Math.max(1, tokens), 1);
        }
    }

    /** One keep-alive connection asking for tokens one after the other; reconnects when the server closes it. */
    private final class Getter implements EventLoop.Handler {
        final EventLoop loop;
        private final Target target;
        private final byte[] request;
        private final boolean expectsToken;
        private SocketChannel channel;
        private SelectionKey key;
        private byte[] leftover;
        private ByteBuffer unwritten;
        private long sentAt;

        Getter(EventLoop loop, Target target, String path) {
            this.loop = loop;
            this.target = target;
            this.expectsToken = path.equals(target.tokenPath());
            this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + target.hostHeader()
                    + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }

        void open() {
            try {
                leftover = null;
                unwritten = null;
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                channel.connect(target.address());
                key = loop.register(channel, SelectionKey.OP_CONNECT, this);
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void ready(SelectionKey ready) throws IOException {
            if (ready.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                ask();
                return;
            }
            if (ready.isWritable() && unwritten != null) {
                channel.write(unwritten);
                if (!unwritten.hasRemaining()) {
                    unwritten = null;
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (ready.isReadable()) {
                read();
            }
        }

        private void ask() throws IOException {
            if (!asking) {
                channel.close();
                return;
            }
            sentAt = System.nanoTime();
            ByteBuffer bytes = ByteBuffer.wrap(request);
            channel.write(bytes);
            if (bytes.hasRemaining()) {
                unwritten = bytes;
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        private void read() throws IOException {
            ByteBuffer in = loop.readBuffer;
            in.clear();
            if (leftover != null) {
                in.put(leftover);
                leftover = null;
            }
            if (channel.read(in) < 0) {
                reconnect("server closed the connection");
                return;
            }
            in.flip();
            HttpAnswer answer = HttpAnswer.read(in);
            if (answer == null) {
                leftover = new byte[in.remaining()];
                in.get(leftover);
                return;
            }
            loop.latencies.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sentAt),
                    loop.latencies.getHighestTrackableValue()));
            if (answer.status() == 200 && (!expectsToken || answer.body().contains("\"token\":\""))) {
                issued.increment();
            } else {
                errors.increment();
            }
            ask();
        }

        private void reconnect(String why) {
            if (asking) {
                errors.increment();
                System.err.println("token connection lost: " + why);
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // replaced below
            }
            if (asking) {
                open();
            }
        }

        @Override
        public void fail(Throwable why) {
            reconnect(why.toString());
        }
    }
}
