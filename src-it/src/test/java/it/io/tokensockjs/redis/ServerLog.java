package it.io.tokensockjs.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Lines of a server's messages.log, counted from a mark: what the server said during one test. */
final class ServerLog {

    private final Path file;
    private final long start;

    private ServerLog(Path file, long start) {
        this.file = file;
        this.start = start;
    }

    static ServerLog mark(Node node) {
        Path file = Path.of(node.serverLog);
        try {
            return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    long count(Pattern line) {
        try {
            byte[] all = Files.readAllBytes(file);
            String since = new String(all, (int) Math.min(start, all.length), (int) Math.max(0, all.length - start), StandardCharsets.UTF_8);
            return since.lines().filter(text -> line.matcher(text).find()).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
