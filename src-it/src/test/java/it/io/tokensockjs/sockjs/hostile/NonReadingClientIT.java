package it.io.tokensockjs.sockjs.hostile;

import it.io.tokensockjs.runtime.ServerLog;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that open a stream, make the server write to it, and never read: an xhr_streaming request fed through
 * xhr_send, and a websocket that sends messages itself. The {@code max-queued-bytes} policy (256 KiB on
 * {@code /limited_echo}) must close each with a warning, while the bystanders keep echoing and no container
 * thread is left waiting on the stuck connection.
 */
public class NonReadingClientIT extends HostileTestBase {

    /** Each message the hostile client makes the server echo: under the 64 KiB message limit. */
    static final String CHUNK = "n".repeat(60_000);
    /** Messages before giving up: far more than the socket buffers and the 256 KiB queue hold. */
    static final int MAX_MESSAGES = 600;

    private static final Pattern QUEUE_FULL_LINE = ServerLog.line('W', "SockJS session \\S+ \\(/limited_echo\\): client does not read");
    private static final Pattern CLOSED_1008_LINE = ServerLog.line('I', "SockJS session \\S+ \\(/limited_echo\\) closed: 1008 Outbound queue full");

    @Test
    @Order(1)
    void aStreamThatIsNeverReadIsClosedByTheQueueBound() {
        ServerLog log = ServerLog.mark();
        String session = ItServer.newSessionId();
        try (RawClient hostile = RawClient.xhrStreaming(LIMITED, session)) {
            awaitSession(session);
            String closedLine = null;
            for (int i = 0; i < MAX_MESSAGES && closedLine == null; i++) {
                int status = ItServer.post(ItServer.sessionPath(LIMITED, session, "xhr_send"), "text/plain",
                        Frames.array(CHUNK)).statusCode();
                assertEquals(204, status, "xhr_send number " + i + " to the session that does not read");
                if (i % 10 == 0) {
                    bystanders.assertEchoing("while a stream is not read, message " + i);
                    closedLine = log.await(QUEUE_FULL_LINE, Duration.ZERO);
                }
            }
            closedLine = closedLine != null ? closedLine : log.await(QUEUE_FULL_LINE, Duration.ofSeconds(10));
            assertNotNull(closedLine, "a WARNING line for the stream that is not read");
            assertNotNull(log.await(CLOSED_1008_LINE, Duration.ofSeconds(10)), "an INFO line for its session closed with 1008");
            bystanders.assertEchoing("after the unread stream was closed");
            // The hostile client still holds its connection: at most its response's writer waits for it.
            assertOnlyWritersWait(1);
            Diagnostics after = ServerHealth.awaitSessions(LIMITED_NAME, 2, Duration.ofSeconds(30));
            assertEquals(2, after.sessions(LIMITED_NAME), "the closed session is forgotten: " + after.summary());
        }
    }

    @Test
    @Order(2)
    void aWebsocketThatIsNeverReadIsClosedByTheQueueBound() {
        ServerLog log = ServerLog.mark();
        try (RawClient hostile = RawClient.websocket(LIMITED)) {
            String closedLine = null;
            for (int i = 0; i < MAX_MESSAGES && closedLine == null; i++) {
                hostile.sendTextFrame(Frames.array(CHUNK));
                if (i % 10 == 0) {
                    bystanders.assertEchoing("while a websocket is not read, message " + i);
                    closedLine = log.await(QUEUE_FULL_LINE, Duration.ZERO);
                }
            }
            closedLine = closedLine != null ? closedLine : log.await(QUEUE_FULL_LINE, Duration.ofSeconds(10));
            assertNotNull(closedLine, "a WARNING line for the websocket that is not read");
            assertNotNull(log.await(CLOSED_1008_LINE, Duration.ofSeconds(10)), "an INFO line for its session closed with 1008");
            bystanders.assertEchoing("after the unread websocket was closed");
            assertOnlyWritersWait(0);
            Diagnostics after = ServerHealth.awaitSessions(LIMITED_NAME, 2, Duration.ofSeconds(30));
            assertEquals(2, after.sessions(LIMITED_NAME), "the closed session is forgotten: " + after.summary());
        }
    }

    @Test
    @Order(3)
    void severalClientsThatDoNotReadAtOnce() {
        ServerLog log = ServerLog.mark();
        int clients = 4;
        RawClient[] hostile = new RawClient[clients];
        String[] sessions = new String[clients];
        try {
            for (int c = 0; c < clients; c++) {
                sessions[c] = ItServer.newSessionId();
                hostile[c] = RawClient.xhrStreaming(LIMITED, sessions[c]);
                awaitSession(sessions[c]);
            }
            long closed = 0;
            for (int i = 0; i < MAX_MESSAGES && closed < clients; i++) {
                for (int c = 0; c < clients; c++) {
                    ItServer.post(ItServer.sessionPath(LIMITED, sessions[c], "xhr_send"), "text/plain", Frames.array(CHUNK));
                }
                if (i % 10 == 0) {
                    bystanders.assertEchoing("while " + clients + " streams are not read, message " + i);
                    closed = log.count(QUEUE_FULL_LINE);
                }
            }
            assertEquals(clients, log.awaitCount(QUEUE_FULL_LINE, clients, Duration.ofSeconds(10)),
                    "a WARNING line per stream that is not read");
            assertOnlyWritersWait(clients);
        } finally {
            for (RawClient client : hostile) {
                if (client != null) {
                    client.close();
                }
            }
        }
    }

    /** Waits until the hostile stream's session exists: its request reached the server. */
    private static void awaitSession(String session) {
        for (int round = 0; round < 100; round++) {
            // An xhr_send to a session that does not exist yet is a 404 and creates nothing.
            int status = ItServer.post(ItServer.sessionPath(LIMITED, session, "xhr_send"), "text/plain", "[]").statusCode();
            if (status == 204) {
                return;
            }
            ItServer.sleep(100);
        }
        throw new AssertionError("the hostile stream's session never appeared");
    }

    /**
     * No request thread and no timer is held by a client that does not read: the only threads allowed in the SockJS
     * server are response writers (on Open Liberty a write blocks until the client reads or the container's write
     * timeout passes), at most one per such client.
     */
    private static void assertOnlyWritersWait(int hostileConnections) {
        Diagnostics now = Diagnostics.fetch();
        for (int round = 0; round < 20 && !onlyWriters(now, hostileConnections); round++) {
            ItServer.sleep(500);
            now = Diagnostics.fetch();
        }
        ServerHealth.report("threads while " + hostileConnections + " clients do not read", now);
        assertTrue(onlyWriters(now, hostileConnections), "threads inside the SockJS server: " + now.threadsInSockJs());
    }

    private static boolean onlyWriters(Diagnostics now, int hostileConnections) {
        return now.threadsInSockJs().size() <= hostileConnections
                && now.threadsInSockJs().stream().allMatch(thread -> thread.contains("entered at HttpReceiver")
);
    }
}
