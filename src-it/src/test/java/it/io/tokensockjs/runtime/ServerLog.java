package it.io.tokensockjs.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server's {@code messages.log}, read from a mark on: what the server logged since a test began. Lines look
 * like {@code [date] 0000002a io.tokensockjs.sockjs.transport.SockJsServlet   I SockJS session ...}, the letter
 * before the message being the level (I info, W warning, E error). On Payara the file is its log ({@code it.server.log}).
 */
public final class ServerLog {

    private static final Path FILE = Path.of(System.getProperty("it.server.log",
            "target/liberty/wlp/usr/servers/itServer/logs/messages.log"));

    private final long mark;

    private ServerLog(long mark) {
        this.mark = mark;
    }

    /** Remembers where the log ends now. */
    public static ServerLog mark() {
        try {
            return new ServerLog(Files.exists(FILE) ? Files.size(FILE) : 0);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + FILE.toAbsolutePath(), e);
        }
    }

    /** A pattern for a line of the given level ('I', 'W', 'E') whose message matches {@code message}. */
    public static Pattern line(char level, String message) {
        return Pattern.compile("^\\[[^\\]]+\\] \\S+ \\S+\\s+" + level + " .*" + message);
    }

    /** The lines logged since the mark. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(FILE.toFile(), "r")) {
            if (file.length() < mark) {
                throw new AssertionError(FILE + " was rolled over during the test; its lines are gone");
            }
            file.seek(mark);
            byte[] rest = new byte[(int) (file.length() - mark)];
            file.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\r?\n")) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + FILE.toAbsolutePath(), e);
        }
        return lines;
    }

    /** For failure messages: {@link #lines()}, or one line saying why they cannot be read; never throws. */
    public List<String> linesOrWhy() {
        try {
            return lines();
        } catch (AssertionError e) {
            return List.of("(" + e.getMessage() + ")");
        }
    }

    /**
     * For failure messages: each record's first line since the mark (no stack traces, no date or thread), a record
     * repeated with the same text given once with its count, at most {@code max}. Liberty reports a websocket it
     * closed itself (such as 1007 for bytes it could not decode) only with an FFDC incident, whose one line this
     * names.
     */
    public List<String> records(int max) {
        Map<String, Integer> records = new LinkedHashMap<>();
        linesOrWhy().stream().filter(line -> line.startsWith("[") || line.startsWith("("))
                .forEach(line -> records.merge(line.replaceFirst("^\\[[^\\]]*\\] \\S+ ", ""), 1, Integer::sum));
        return records.entrySet().stream().limit(max)
                .map(record -> (record.getValue() > 1 ? record.getValue() + " x " : "") + record.getKey()).toList();
    }

    public long count(Pattern pattern) {
        return lines().stream().filter(line -> pattern.matcher(line).find()).count();
    }

    /**
     * Waits (a bounded number of times) until at least {@code wanted} lines since the mark match: the server logs
     * on its own threads, a little after it answered.
     */
    public long awaitCount(Pattern pattern, long wanted, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        long found = count(pattern);
        for (int round = 0; found < wanted && round < 1000 && System.nanoTime() < deadline; round++) {
            sleep(100);
            found = count(pattern);
        }
        return found;
    }

    /** The first line since the mark that matches, or null after the bound. */
    public String await(Pattern pattern, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        for (int round = 0; round < 1000; round++) {
            for (String line : lines()) {
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
            if (System.nanoTime() >= deadline) {
                return null;
            }
            sleep(100);
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
