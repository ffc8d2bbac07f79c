package it.io.tokensockjs.sockjs.hostile;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's state before any hostile test ran, and the check that it came back to it.
 *
 * <p>The baseline is taken once per test JVM, by the first hostile test class to start; every class checks at
 * its end that heap (after a full GC) and threads came back close to it, that no thread is left inside the
 * SockJS server, and that no session is left beyond those the baseline had. (The other integration tests run in
 * the same server first; sessions their clients abandoned may take a heartbeat and a disconnect delay to go, so
 * the baseline may hold some; what matters is that the abuse leaves none behind.) The last class to run so
 * checks the server after all of it.
 */
final class ServerHealth {

    /** Heap allowed above the baseline after GC: generous, the container keeps caches and pools of its own. */
    static final long HEAP_TOLERANCE_BYTES = 64L * 1024 * 1024;
    /** Threads allowed above the baseline: the container's pool grows under load and shrinks only slowly. */
    static final int THREAD_TOLERANCE = 40;
    /** Measurements before giving up: garbage and idle threads take a while to go. */
    private static final int ROUNDS = 15;
    private static final long PAUSE_MILLIS = 2000;

    private static Diagnostics baseline;

    private ServerHealth() {
    }

    /** The measurement taken before the first hostile test: no hostile session open, everything collected. */
    static synchronized Diagnostics baseline() {
        if (baseline == null) {
            Diagnostics first = Diagnostics.fetch();
            // A second reading: the first diagnostics call itself loads classes and warms the container.
            baseline = Diagnostics.fetch();
            report("baseline (first reading " + first.summary() + ")", baseline);
        }
        return baseline;
    }

    /** Waits, a bounded number of rounds, until every session is gone and heap and threads are back near the baseline. */
    static Diagnostics assertRecovered(String after) {
        Diagnostics before = baseline();
        Diagnostics now = Diagnostics.fetch();
        for (int round = 1; round < ROUNDS && !recovered(before, now); round++) {
            ItServer.sleep(PAUSE_MILLIS);
            now = Diagnostics.fetch();
        }
        report("after " + after, now);
        assertTrue(now.totalSessions() <= before.totalSessions(), "sessions left after " + after + ": " + now.sessions()
                + ", baseline " + before.sessions());
        assertTrue(now.threadsInSockJs().isEmpty(), "threads still inside the SockJS server after " + after + ": "
                + now.threadsInSockJs());
        assertTrue(now.heapUsedAfterGc() <= before.heapUsedAfterGc() + HEAP_TOLERANCE_BYTES,
                "heap after GC " + now.heapUsedAfterGc() + " bytes after " + after + ", baseline " + before.heapUsedAfterGc());
        assertTrue(now.threads() <= before.threads() + THREAD_TOLERANCE,
                now.threads() + " threads after " + after + ", baseline " + before.threads());
        return now;
    }

    /** Waits, a bounded number of rounds, until the service holds exactly {@code expected} sessions. */
    static Diagnostics awaitSessions(String service, int expected, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        Diagnostics now = Diagnostics.fetch();
        for (int round = 0; round < 1000 && now.sessions(service) != expected && System.nanoTime() < deadline; round++) {
            ItServer.sleep(250);
            now = Diagnostics.fetch();
        }
        return now;
    }

    private static boolean recovered(Diagnostics before, Diagnostics now) {
        return now.totalSessions() <= before.totalSessions()
                && now.threadsInSockJs().isEmpty()
                && now.heapUsedAfterGc() <= before.heapUsedAfterGc() + HEAP_TOLERANCE_BYTES
                && now.threads() <= before.threads() + THREAD_TOLERANCE;
    }

    static void report(String moment, Diagnostics diagnostics) {
        System.out.println("[hostile] " + moment + ": " + diagnostics.summary());
    }
}
