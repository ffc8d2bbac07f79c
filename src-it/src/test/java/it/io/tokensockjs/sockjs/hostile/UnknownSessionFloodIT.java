package it.io.tokensockjs.sockjs.hostile;

import it.io.tokensockjs.runtime.ServerLog;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Floods of requests for sessions that do not exist: 10,000 xhr_sends (each 404, creating nothing), and
 * 10,000 receiving requests that each create a session and walk away from it, polls and cut streams alike.
 * Every abandoned session must expire after the disconnect delay (2 s on {@code /limited_echo}).
 */
public class UnknownSessionFloodIT extends HostileTestBase {

    static final int SENDS = 10_000;
    static final int ABANDONED_POLLS = 10_000;
    static final int ABANDONED_STREAMS = 200;
    /** Requests in flight at once: enough to keep the server busy, few enough for two shared cores. */
    static final int IN_FLIGHT = 8;

    private static final Pattern TIMED_OUT_LINE = ServerLog.line('I', "SockJS session \\S+ \\(/limited_echo\\) closed: 1000 Session timed out");
    /** A cut stream ends its session as interrupted when a write fails, or as timed out when the container saw it end. */
    private static final Pattern CUT_STREAM_CLOSED_LINE = ServerLog.line('I',
            "SockJS session \\S+ \\(/limited_echo\\) closed: (1002 Connection interrupted|1000 Session timed out)");

    @Test
    @Order(1)
    void sendsToUnknownSessionsAreAnswered404AndCreateNothing() {
        // Sessions the previous class closed live on for the disconnect delay: count from the bystanders alone.
        assertEquals(2, ServerHealth.awaitSessions(LIMITED_NAME, 2, Duration.ofSeconds(30)).sessions(LIMITED_NAME),
                "sessions before the flood: the two bystanders only");
        Map<Integer, AtomicInteger> statuses = flood(SENDS, i -> ItServer.request(
                        ItServer.sessionPath(LIMITED, "unknown-" + i + "-" + ItServer.newSessionId(), "xhr_send"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("[\"hello\"]"))
                .build(), "during the xhr_send flood");
        assertEquals(Map.of(404, SENDS), counts(statuses), "answers to xhr_sends for unknown sessions");
        assertEquals(2, Diagnostics.fetch().sessions(LIMITED_NAME), "sessions after the flood: the two bystanders only");
        bystanders.assertEchoing("after the xhr_send flood");
    }

    @Test
    @Order(2)
    void abandonedPollingSessionsExpire() {
        ServerLog log = ServerLog.mark();
        Map<Integer, AtomicInteger> statuses = flood(ABANDONED_POLLS, i -> {
            String session = "abandoned-" + i + "-" + ItServer.newSessionId();
            // Alternate the polling transports: xhr and jsonp both create a session with their first request.
            return i % 2 == 0
                    ? ItServer.request(ItServer.sessionPath(LIMITED, session, "xhr")).POST(HttpRequest.BodyPublishers.noBody()).build()
                    : ItServer.request(ItServer.sessionPath(LIMITED, session, "jsonp") + "?c=cb").GET().build();
        }, "during the abandoned-poll flood");
        assertEquals(Map.of(200, ABANDONED_POLLS), counts(statuses), "answers to polls that open sessions");
        Diagnostics drained = ServerHealth.awaitSessions(LIMITED_NAME, 2, Duration.ofSeconds(60));
        assertEquals(2, drained.sessions(LIMITED_NAME), "abandoned sessions left: " + drained.summary());
        bystanders.assertEchoing("after the abandoned polls expired");
        assertTrue(log.awaitCount(TIMED_OUT_LINE, ABANDONED_POLLS, Duration.ofSeconds(20)) >= ABANDONED_POLLS,
                "an INFO line per expired session");
    }

    @Test
    @Order(3)
    void abandonedStreamsAreNoticedAndExpire() {
        ServerLog log = ServerLog.mark();
        AtomicInteger opened = new AtomicInteger();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        for (int i = 0; i < ABANDONED_STREAMS; i++) {
            String session = "cut-" + i + "-" + ItServer.newSessionId();
            // Cut each stream right after its open frame, as a browser tab that closes does.
            String path = ItServer.sessionPath(LIMITED, session, i % 2 == 0 ? "xhr_streaming" : "eventsource");
            HttpRequest request = (i % 2 == 0
                    ? ItServer.request(path).POST(HttpRequest.BodyPublishers.noBody())
                    : ItServer.request(path).GET()).build();
            acquire(slots);
            ItServer.http().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .thenAccept(response -> readOpenFrameAndCut(response.body(), opened))
                    .whenComplete((ignored, error) -> slots.release());
        }
        acquire(slots, IN_FLIGHT);
        assertEquals(ABANDONED_STREAMS, opened.get(), "streams that sent their open frame");
        bystanders.assertEchoing("after cutting streams");
        // The server notices a cut stream at its next write (a heartbeat, every 2 s), then forgets the session.
        Diagnostics drained = ServerHealth.awaitSessions(LIMITED_NAME, 2, Duration.ofSeconds(60));
        assertEquals(2, drained.sessions(LIMITED_NAME), "cut streams left: " + drained.summary());
        assertTrue(log.awaitCount(CUT_STREAM_CLOSED_LINE, ABANDONED_STREAMS, Duration.ofSeconds(20)) >= ABANDONED_STREAMS,
                "an INFO line per cut stream's session");
    }

    private static void readOpenFrameAndCut(InputStream body, AtomicInteger opened) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (int i = 0; i < 5; i++) {
                String line = lines.readLine();
                if (line == null) {
                    return;
                }
                if (line.equals("o") || line.equals("data: o")) {
                    opened.incrementAndGet();
                    return;
                }
            }
        } catch (java.io.IOException e) {
            // Counted as not opened.
        }
    }

    /** Sends {@code count} requests, {@link #IN_FLIGHT} at a time, checking the bystanders every 2,500. */
    private Map<Integer, AtomicInteger> flood(int count, Function<Integer, HttpRequest> requests, String moment) {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        for (int i = 0; i < count; i++) {
            acquire(slots);
            CompletableFuture<HttpResponse<String>> answer =
                    ItServer.http().sendAsync(requests.apply(i), HttpResponse.BodyHandlers.ofString());
            answer.whenComplete((response, error) -> {
                int status = error != null ? -1 : response.statusCode();
                statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
                slots.release();
            });
            if (i > 0 && i % 2500 == 0) {
                bystanders.assertEchoing(moment + " " + i);
            }
        }
        acquire(slots, IN_FLIGHT);
        return statuses;
    }

    private static Map<Integer, Integer> counts(Map<Integer, AtomicInteger> statuses) {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    private static void acquire(Semaphore slots) {
        acquire(slots, 1);
    }

    private static void acquire(Semaphore slots, int permits) {
        try {
            if (!slots.tryAcquire(permits, ItServer.REQUEST_BOUND.toSeconds() * 2, TimeUnit.SECONDS)) {
                throw new AssertionError("requests did not finish in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
