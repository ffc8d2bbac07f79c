package it.io.tokensockjs.payara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Payara Micro server as a plain {@code java -jar payara-micro.jar --deploy app.war} process on a loopback
 * port, its console (one line per record, see payara/logging.properties) written to {@code <name>.log}.
 */
final class PayaraMicroProcess {

    /** What Payara Micro logs once the application is deployed and the HTTP listener serves. */
    private static final Pattern READY = Pattern.compile("Payara Micro .* ready in ");

    /** Payara Micro says ready even when the application failed to deploy; this line says it failed. */
    private static final Pattern DEPLOYMENT_FAILED = Pattern.compile("Exception while loading the app");

    private final String name;
    private final Path log;
    private final Process process;

    private PayaraMicroProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts the server and returns at once; {@link #awaitReady} waits for it. */
    static PayaraMicroProcess start(PayaraSettings settings, String name) throws IOException {
        // A fresh runtime directory and log: an old log's ready line would pass for this start's.
        Path rootDir = settings.workDir().resolve(name);
        deleteTree(rootDir);
        Files.createDirectories(rootDir);
        Path log = settings.workDir().resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                settings.java().toString(),
                "-Xmx" + settings.maxHeap(),
                // Test servers: the client compiler and the serial collector start Payara in half the time.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", settings.jar().toString(),
                "--deploy", settings.war().toString(),
                "--contextroot", settings.contextRoot(),
                "--port", Integer.toString(settings.port(name)),
                // No Hazelcast: it would bind port 6900 on every interface (even with --nocluster) and look for
                // peers on the network; with it off a server starts in ~10 s instead of ~20.
                "--nohazelcast",
                "--rootdir", rootDir.toString(),
                "--prebootcommandfile", settings.preboot().toString(),
                "--logproperties", settings.logging().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment(settings.envFile(name)));
        return new PayaraMicroProcess(name, log, builder.start());
    }

    /** Waits until the log says ready; fails with the log's end if the process ends first or takes too long. */
    void awaitReady(long timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (DEPLOYMENT_FAILED.matcher(text).find()) {
                throw new IllegalStateException("Payara Micro " + name + " could not deploy the application:\n" + tail());
            }
            if (READY.matcher(text).find()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro " + name + " ended (exit " + process.exitValue()
                        + ") before it was ready:\n" + tail());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Payara Micro " + name + " not ready after " + timeoutSeconds + " s:\n" + tail());
    }

    /** Ends the process: a normal shutdown first (Payara's shutdown hook undeploys), then a kill. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String name() {
        return name;
    }

    private String tail() throws IOException {
        if (!Files.exists(log)) {
            return "(no log at " + log + ")";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** KEY=VALUE lines (comments and blank lines skipped): the same files Liberty's servers get as server.env. */
    private static Map<String, String> environment(Path envFile) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        if (envFile == null) {
            return variables;
        }
        for (String line : Files.readAllLines(envFile, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
                continue;
            }
            variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return variables;
    }
}
