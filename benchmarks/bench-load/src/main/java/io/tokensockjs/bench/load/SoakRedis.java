package io.tokensockjs.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The soak's Redis: a redis-server child process on a loopback port that a fault thread kills with SIGKILL every
 * few minutes and starts again after a pause, as a crash and a restart by a supervisor would. Each fault opens a
 * window, from the kill until the server's readiness is UP again plus a grace period for what was in flight;
 * the soak counts a failure or a loss inside a window as expected and anywhere else as a defect.
 */
final class SoakRedis implements AutoCloseable {

    /** After readiness is UP again: messages published just before may still be on their way. */
    static final Duration GRACE = Duration.ofSeconds(2);

    /** One fault: nanoTime of the kill, and of the end of the window (0 while it is open). */
    static final class Window {
        final long killedAt;
        volatile long endsAt;
        volatile long downMillis;

        Window(long killedAt) {
            this.killedAt = killedAt;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Path log;
    private final URI readiness;
    private final Duration every;
    private final Duration down;
    private final List<Window> windows = new ArrayList<>();
    private final Thread faults;
    private volatile boolean running = true;
    private Process process;

    SoakRedis(int port, Path log, URI readiness, Duration every, Duration down) {
        this.port = port;
        this.log = log;
        this.readiness = readiness;
        this.every = every;
        this.down = down;
        this.faults = new Thread(this::injectFaults, "soak-faults");
        this.faults.setDaemon(true);
    }

    /** Starts Redis, waits until the server under load is ready on it. */
    void start() throws InterruptedException {
        launch();
        awaitReady(Duration.ofSeconds(120));
    }

    /** Starts killing Redis every few minutes. */
    void startFaults() {
        faults.start();
    }

    int port() {
        return port;
    }

    synchronized List<Window> windows() {
        return List.copyOf(windows);
    }

    /** Whether something that happened at {@code nanos} happened inside a fault window (or one still open). */
    boolean inWindow(long nanos) {
        for (Window window : windows()) {
            long end = window.endsAt;
            if (nanos >= window.killedAt && (end == 0 || nanos <= end)) {
                return true;
            }
        }
        return false;
    }

    /** {@code used_memory} of INFO memory, in bytes; -1 while Redis does not answer. */
    long usedMemory() {
        String info = command("INFO memory");
        int at = info == null ? -1 : info.indexOf("used_memory:");
        if (at < 0) {
            return -1;
        }
        int end = info.indexOf('\r', at);
        return Long.parseLong(info.substring(at + "used_memory:".length(), end).trim());
    }

    /** The first kill comes half a period in, so that kills fall between the per-minute samples. */
    private void injectFaults() {
        long pause = every.toMillis() / 2;
        while (running) {
            try {
                TimeUnit.MILLISECONDS.sleep(pause);
                pause = every.toMillis();
                if (!running) {
                    return;
                }
                Window window = new Window(System.nanoTime());
                synchronized (this) {
                    windows.add(window);
                }
                kill();
                TimeUnit.MILLISECONDS.sleep(down.toMillis());
                launch();
                awaitReady(Duration.ofSeconds(120));
                window.downMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - window.killedAt);
                window.endsAt = System.nanoTime() + GRACE.toNanos();
                System.err.printf("soak: Redis killed, back and the server ready after %d ms%n", window.downMillis);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.err.println("soak: fault thread: " + e);
            }
        }
    }

    private synchronized void launch() {
        ProcessBuilder builder = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!"+PONG".equals(firstLine(command("PING")))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server on " + port + " did not start; see " + log);
            }
            sleep(20);
        }
    }

    private synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    private void awaitReady(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server is not ready on " + readiness + " within " + bound);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private boolean ready() throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** One inline command; the whole answer as text (null when Redis does not answer). */
    private String command(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16384];
            int count = in.read(buffer);
            if (count <= 0) {
                return null;
            }
            String answer = new String(buffer, 0, count, StandardCharsets.UTF_8);
            // A bulk reply ($len) may come in more than one read.
            if (answer.startsWith("$")) {
                int length = Integer.parseInt(answer.substring(1, answer.indexOf('\r')));
                StringBuilder all = new StringBuilder(answer);
                while (all.length() < length + answer.indexOf('\n') + 1 && (count = in.read(buffer)) > 0) {
                    all.append(new String(buffer, 0, count, StandardCharsets.UTF_8));
                }
                return all.toString();
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String firstLine(String answer) {
        return answer == null ? null : answer.split("\r\n", 2)[0];
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        faults.interrupt();
        faults.join(10_000);
        kill();
    }
}
