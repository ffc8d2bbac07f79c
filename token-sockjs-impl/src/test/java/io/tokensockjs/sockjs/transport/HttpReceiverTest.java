package io.tokensockjs.sockjs.transport;

import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsHandler;
import io.tokensockjs.sockjs.frame.FrameFormat;
import io.tokensockjs.sockjs.session.RequestInfo;
import io.tokensockjs.sockjs.session.ServiceLog;
import io.tokensockjs.sockjs.session.SessionRegistry;
import io.tokensockjs.sockjs.session.SessionSettings;
import io.tokensockjs.sockjs.session.SockJsSession;
import io.tokensockjs.sockjs.transport.ServletFakes.FakeAsync;
import io.tokensockjs.sockjs.transport.ServletFakes.FakeOutput;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer of a receiving request, on fakes, with its writer tasks run by hand so that every interleaving the test
 * names is the one that happens: what is written, in which chunks, and when the response ends.
 */
class HttpReceiverTest {

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final ArrayDeque<Runnable> writerTasks = new ArrayDeque<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final FakeOutput out = new FakeOutput();
    private final FakeAsync async = new FakeAsync();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private SockJsSession session() {
        SockJsHandler handler = new SockJsHandler() {
            @Override
            public void onMessage(SockJsConnection connection, String message) {
            }

            @Override
            public void onClose(SockJsConnection connection, CloseStatus status) {
                events.add("close:" + status.code());
            }
        };
        SessionSettings settings = new SessionSettings(handler, 25_000_000_000L, 5_000_000_000L, 1 << 20, System::nanoTime,
                new ServiceLog(false, null), scheduler);
        return new SessionRegistry("/echo", settings, 10).getOrCreate("s",
                () -> new RequestInfo("127.0.0.1", 1, Map.of(), "/echo/0/s/xhr_streaming", "xhr-streaming"));
    }

    private HttpReceiver streaming(SockJsSession session, long responseLimit) {
        return new HttpReceiver(session, async.context(), out, FrameFormat.NEWLINE, true, true, responseLimit,
                "prelude\n".getBytes(), writerTasks::add);
    }

    private void runWriterTasks() {
        while (!writerTasks.isEmpty()) {
            writerTasks.poll().run();
        }
    }

    @Test
    void framesSentWhileAWriteIsInProgressFollowInOrderEachAsItsOwnChunk() throws Exception {
        SockJsSession session = session();
        HttpReceiver receiver = streaming(session, 1 << 20);
        // The container says the stream is writable as soon as the listener is set: the prelude goes out there,
        // and the receiver attaches itself, which sends the open frame through a writer task.
        receiver.start();
        assertEquals(List.of("prelude\n"), out.chunks);
        session.write("one");
        session.write("two");
        assertFalse(receiver.isReady(), "busy until its writer has written what it was given");
        runWriterTasks();
        assertEquals(List.of("prelude\n", "o\n", "a[\"one\",\"two\"]\n"), out.chunks,
                "what queued while the open frame was being written leaves in one frame after it");
        assertEquals(1, async.completed.getCount(), "a streaming response stays open under its limit");
    }

    @Test
    void aStreamEndsAtItsResponseLimitAfterTheFrameThatPassedIt() throws Exception {
        SockJsSession session = session();
        HttpReceiver receiver = streaming(session, 4);
        receiver.start();
        runWriterTasks();
        session.write("x");
        runWriterTasks();
        assertEquals(List.of("prelude\n", "o\n", "a[\"x\"]\n"), out.chunks);
        assertEquals(0, async.completed.getCount(), "the response ended, once");
        assertTrue(session.isOpen(), "the session waits for the next request");
    }

    @Test
    void aContainerThatIsNotReadyIsWaitedFor() throws Exception {
        SockJsSession session = session();
        HttpReceiver receiver = streaming(session, 1 << 20);
        receiver.start();
        out.ready = false;
        runWriterTasks();
        assertEquals(List.of("prelude\n"), out.chunks, "nothing written while the container is not ready");
        out.ready = true;
        receiver.onWritePossible();
        runWriterTasks();
        assertEquals(List.of("prelude\n", "o\n"), out.chunks);
    }

    @Test
    void aFailedWriteClosesTheSessionAsInterruptedAndEndsTheResponse() throws Exception {
        SockJsSession session = session();
        FakeOutput failing = new FakeOutput() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (new String(b, off, len).startsWith("o")) {
                    throw new IllegalStateException("connection reset");
                }
                super.write(b, off, len);
            }
        };
        HttpReceiver receiver = new HttpReceiver(session, async.context(), failing, FrameFormat.NEWLINE, true, true, 1 << 20,
                null, writerTasks::add);
        receiver.start();
        runWriterTasks();
        assertTrue(async.awaitComplete(), "the response ended");
        assertFalse(session.isOpen());
        scheduler.submit(() -> { }).get();
        assertEquals(List.of("close:1002"), events, "the handler hears of the interruption");
    }

    @Test
    void aProbeWritesAHeartbeatWithoutEndingTheResponse() throws IOException {
        SockJsSession session = session();
        HttpReceiver receiver = streaming(session, 1 << 20);
        receiver.start();
        runWriterTasks();
        synchronized (session) {
            assertTrue(receiver.probe());
        }
        runWriterTasks();
        assertEquals(List.of("prelude\n", "o\n", "h\n"), out.chunks);
        assertEquals(1, async.completed.getCount());
    }
}
