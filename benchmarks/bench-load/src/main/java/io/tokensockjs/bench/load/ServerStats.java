package io.tokensockjs.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server under load says of itself on {@code GET <base>/bench/stats} (both the bench server and the
 * Node baseline answer it): which server it is, its pid, heap used after a full collection, resident set and
 * sockets held. {@link #server} is the name result lines carry: the runtime with the Java release it runs on
 * ({@code liberty-j17}, {@code payara-j25}), or {@code node}.
 */
record ServerStats(String server, long pid, long heapUsed, long rss, long sockets) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Fetches them; the request forces collections on the server, so never call it inside a measured window. */
    static ServerStats fetch(Target target) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(target.statsUri()).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return new ServerStats(name(body), number(body, "pid"), number(body, "heapUsed"),
                    number(body, "rss"), number(body, "sockets"));
        } catch (IOException e) {
            throw new IllegalStateException("No stats from " + target.statsUri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** CPU time (user + system) the process has used, from /proc/&lt;pid&gt;/stat; -1 where unreadable. */
    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name may hold spaces: fields are counted after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK) is not reachable from Java). */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** The server's name, with the Java release when it says one (the Node baseline and older WARs do not). */
    private static String name(String json) {
        Matcher java = Pattern.compile("\"java\"\\s*:\\s*(\\d+)").matcher(json);
        return text(json, "server") + (java.find() ? "-j" + java.group(1) : "");
    }

    private static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String text(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
