package io.tokensockjs.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What /proc says of the server process: its threads and open file descriptors (-1 where unreadable). */
record SoakProcess(long threads, long fileDescriptors) {

    static SoakProcess of(long pid) {
        return new SoakProcess(threads(pid), fileDescriptors(pid));
    }

    private static long threads(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Threads:")) {
                    return Long.parseLong(line.substring("Threads:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable: -1
        }
        return -1;
    }

    private static long fileDescriptors(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
