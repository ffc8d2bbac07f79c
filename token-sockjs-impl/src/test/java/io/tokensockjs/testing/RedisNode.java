package io.tokensockjs.testing;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One redis-server process (a data node, a cluster node or, with {@code --sentinel}, a Sentinel) on a loopback
 * port, started with any arguments, for the tests of Sentinel, Cluster and TLS deployments. Unlike
 * {@link RedisProcess} it takes a configuration file or arguments and is checked with a real client (over TLS
 * and with an ACL user when the node needs them). {@link #kill()} is SIGKILL, as a crash.
 */
public final class RedisNode implements AutoCloseable {

    private static final Duration START_BOUND = Duration.ofSeconds(20);

    private final int port;
    private final List<String> command;
    private final JedisClientConfig client;
    private final Path log;
    private Process process;

    /**
     * @param arguments what follows the executable (a configuration file first, if any)
     * @param client    how a client reaches it (TLS, user and password), to check it answers
     */
    public RedisNode(int port, List<String> arguments, JedisClientConfig client, Path directory) {
        this.port = port;
        this.command = new ArrayList<>();
        this.command.add(RedisProcess.executable().toString());
        this.command.addAll(arguments);
        this.client = client;
        this.log = directory.resolve("redis-" + port + ".log");
    }

    /** A plain client configuration with short timeouts. */
    public static JedisClientConfig plainClient() {
        return DefaultJedisClientConfig.builder().connectionTimeoutMillis(1000).socketTimeoutMillis(2000).build();
    }

    public int port() {
        return port;
    }

    public HostAndPort address() {
        return new HostAndPort("127.0.0.1", port);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts it and waits until it answers PING. */
    public synchronized RedisNode start() {
        if (isRunning()) {
            throw new IllegalStateException("already running on " + port);
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        awaitTrue(this::answers, START_BOUND, () -> "redis-server on " + port + " did not answer; see " + log);
        return this;
    }

    /** SIGKILL, and waits until the process is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        kill();
    }

    /** A new client connection to this node; the caller closes it. */
    public Jedis client() {
        return new Jedis(address(), client);
    }

    public boolean answers() {
        if (process != null && !process.isAlive()) {
            return false;
        }
        try (Jedis jedis = client()) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A free loopback port below 50000 whose port + 10000 (a cluster's bus port) is free too. */
    public static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 50000);
            if (free(port) && free(port + 10000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A new directory under target/ (or the temporary directory) for the files of a group of nodes. */
    public static Path directory(String name) {
        try {
            Path target = Path.of("target");
            // Absolute: redis-server changes its working directory to --dir.
            return (Files.isDirectory(target) ? Files.createTempDirectory(target, name) : Files.createTempDirectory(name))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a directory for " + name, e);
        }
    }

    /** Polls until the condition holds. */
    public static void awaitTrue(BooleanSupplier condition, Duration bound, java.util.function.Supplier<String> failure) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public String toString() {
        return "redis-server on " + port;
    }
    /** Runs a command line of the test (redis-cli) and returns its output; fails on a non-zero exit. */
    public static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
