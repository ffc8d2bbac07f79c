package it.io.tokensockjs.token;

import it.io.tokensockjs.runtime.ServerLog;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many sockets the server closes itself, at once: refused calls before authentication (the client waiting for the
 * close, closing first, or vanishing as it reads the refusal) and a SockJS endpoint that closes every websocket in
 * its open handler. Each refusal is checked on the wire; afterwards plain requests still succeed and the server
 * logged no error.
 *
 * <p>Written for a defect of Payara Micro (6.2025.10 and 7.2026.11): a websocket closed by the server with
 * {@code Session.close()} (Tyrus sends the close frame and at once closes the servlet {@code WebConnection}, which
 * resumes the upgrade's HTTP request) while the client's answering close is being read broke Grizzly's request pool:
 * about one such close in 300 left a request object in use twice, and later requests on the same server failed (500s,
 * "An exception or error occurred in the container", {@code getServletContext()} null in the websocket upgrade; CI
 * once saw a 500 on {@code /cookie_needed_echo/} after FuzzIT's refusals). On Tyrus the library now starts a server's
 * close with a close frame only and lets the client's answer end the connection on the reading thread
 * ({@code TyrusCloseFrame}); this test, which failed in each of its runs on Payara before, shows that on both runtimes.
 */
class ServerClosesIT {

    private static final int THREADS = 4;
    private static final int SOCKETS_PER_THREAD = 150;
    /** Payara's container errors are logged SEVERE (S), Liberty's as errors (E); a servlet's exception as a warning. */
    private static final List<Pattern> CONTAINER_ERRORS = List.of(ServerLog.line('S', ""), ServerLog.line('E', ""),
            Pattern.compile("threw exception|error occurred in the container"));

    @Test
    void closesFromTheServerLeaveTheContainerSound() throws Exception {
        ServerLog log = ServerLog.mark();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < SOCKETS_PER_THREAD; i++) {
                        if (i % 4 == 3) {
                            closedInOpen();
                        } else {
                            refused("t" + thread + "-" + i, i % 4);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create(TokenServer.BASE + "/cookie_needed_echo/info"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, info.statusCode(), "GET /cookie_needed_echo/info after the closes: " + info.body());
        }
        List<String> errors = log.lines().stream()
                .filter(line -> CONTAINER_ERRORS.stream().anyMatch(error -> error.matcher(line).find())).toList();
        assertTrue(errors.isEmpty(), "the server logged errors while closing sockets: " + errors);
    }

    /** A call before authentication: answered Forbidden, then the server closes with 4001. */
    private static void refused(String id, int clientBehaviour) throws Exception {
        try (RawSocket early = new RawSocket()) {
            early.send("{\"rpc\":\"math.add\",\"req\":{\"a\":1,\"b\":2},\"uuid\":\"" + id + "\"}");
            assertEquals("{\"rpc\":\"math.add\",\"uuid\":\"" + id + "\",\"error\":\"Forbidden\"}", early.next());
            switch (clientBehaviour) {
                case 0 -> assertEquals(4001, early.awaitClose());
                case 1 -> {
                    early.close();
                    int code = early.awaitClose();
                    assertTrue(code == 4001 || code == 1000 || code == 1006, "closed with " + code);
                }
                default -> early.abort();
            }
        }
    }

    /** The test app's {@code close} endpoint closes each session as it opens: over a raw websocket, 3000. */
    private static void closedInOpen() throws Exception {
        try (RawSocket socket = new RawSocket("/close/websocket")) {
            assertEquals(3000, socket.awaitClose());
        }
    }
}
