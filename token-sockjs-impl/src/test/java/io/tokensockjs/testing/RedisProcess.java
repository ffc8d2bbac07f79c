package io.tokensockjs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server process on a port of this machine, for tests: the machine's {@code redis-server} when there
 * is one on the PATH (or the one {@code -Dredis.server=/path} names), else the binary that
 * {@code com.github.codemonstur:embedded-redis} ships ({@code -Dredis.server=embedded} chooses that one even where
 * the machine has its own). Nothing is saved to disk. {@link #kill()} ends the process
 * the hard way (SIGKILL), as a crash would; {@link #start()} starts it again on the same port.
 */
public final class RedisProcess implements AutoCloseable {

    /** How long a starting server may take to answer PING. */
    static final Duration START_BOUND = Duration.ofSeconds(20);

    private static Path executable;

    private final int port;
    private Process process;

    private RedisProcess(int port) {
        this.port = port;
    }

    /** Starts a server on the port and waits until it answers. */
    public static RedisProcess startOn(int port) {
        RedisProcess redis = new RedisProcess(port);
        redis.start();
        return redis;
    }

    /** Starts a server on a free port. */
    public static RedisProcess startOnFreePort() {
        return startOn(freePort());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the server (again) on its port and waits until it answers PING. */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("redis-server already running on " + port);
        }
        List<String> command = List.of(executable().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path logs = Path.of("target");
        builder.redirectOutput(Files.isDirectory(logs)
                ? ProcessBuilder.Redirect.appendTo(logs.resolve("redis-" + port + ".log").toFile())
                : ProcessBuilder.Redirect.DISCARD);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (!answersPing()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on " + port + " exited with " + process.exitValue()
                        + " (is the port taken?)");
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("redis-server on " + port + " did not answer within " + START_BOUND);
            }
            sleep(20);
        }
    }

    /** Kills the process with SIGKILL, as a crash would end it, and waits until it is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server on " + port + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Freezes the process (SIGSTOP): its connections stay open but nothing answers, as with a lost network. */
    public synchronized void freeze() {
        signal("-STOP");
    }

    /** Lets a frozen process run again (SIGCONT). */
    public synchronized void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (process == null) {
            throw new IllegalStateException("redis-server not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            // A frozen process ignores nothing but SIGKILL; let it run first so that the kill is clean.
            signal("-CONT");
        }
        kill();
    }

    /** Sends one inline command and returns the first reply line, for checks without a client library. */
    public String command(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        } catch (IOException e) {
            return null;
        }
    }

    private boolean answersPing() {
        return "+PONG".equals(command("PING"));
    }

    /** The redis-server to run: a system one, else the embedded-redis binary for this platform, extracted once. */
    static synchronized Path executable() {
        if (executable != null) {
            return executable;
        }
        String configured = System.getProperty("redis.server");
        if ("embedded".equals(configured)) {
            return executable = extractEmbedded();
        }
        if (configured != null && !configured.isBlank()) {
            return executable = Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return executable = candidate;
            }
        }
        return executable = extractEmbedded();
    }

    private static Path extractEmbedded() {
        String resource = embeddedResource();
        try (InputStream binary = RedisProcess.class.getClassLoader().getResourceAsStream(resource)) {
            if (binary == null) {
                throw new IllegalStateException("no redis-server on the PATH and no " + resource
                        + " in embedded-redis on the class path");
            }
            Path file = Files.createTempFile("redis-server-", "");
            Files.copy(binary, file, StandardCopyOption.REPLACE_EXISTING);
            if (!file.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + file + " executable");
            }
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot extract " + resource, e);
        }
    }

    /** The binary embedded-redis 1.4.3 ships for this operating system and processor. */
    static String embeddedResource() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        throw new IllegalStateException("no embedded redis-server for " + os + " " + arch);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "redis-server " + executable + " on " + port;
    }
}
