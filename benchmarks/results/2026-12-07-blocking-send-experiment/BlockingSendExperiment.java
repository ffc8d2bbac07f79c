package io.tokensockjs.bench.server;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The experiment of 2026-12-07-blocking-send.md, kept as it ran (it sat in benchmarks/bench-server's package while it
 * ran; it is not built from here, and must not go into a deployed WAR: it writes until the client reads).
 * Experiment (branch blocking-send): is a thread blocked in a basic send to a client that
 * never reads released when another thread closes the session? Message "MODE:SECONDS[:BYTES[:interrupt]]": MODE
 * "reader" writes on the reading thread, "other" on a new thread; a third thread closes the session after SECONDS.
 * With "interrupt": 1 s after the close returns, the writer is interrupted if still in its send; and if the close has
 * not returned 8 s after it began, the closing thread is interrupted.
 */
@ServerEndpoint("/exp/blocking")
public class BlockingSendExperiment {

    private static void log(String line) {
        System.out.println("EXP " + System.currentTimeMillis() % 1_000_000 + " [" + Thread.currentThread().getName() + "] " + line);
    }

    @OnMessage
    public void onMessage(Session session, String message) {
        String[] parts = message.split(":");
        long seconds = Long.parseLong(parts[1]);
        int size = parts.length > 2 ? Integer.parseInt(parts[2]) : 65536;
        String big = "x".repeat(size);
        boolean interrupt = parts.length > 3 && parts[3].equals("interrupt");
        Thread[] writer = new Thread[1];
        boolean[] writing = {true};
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                return;
            }
            log("closing " + session.getId());
            Thread self = Thread.currentThread();
            boolean[] closing = {true};
            if (interrupt) {
                Thread watchdog = new Thread(() -> {
                    try {
                        Thread.sleep(8000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    synchronized (closing) {
                        if (closing[0]) {
                            log("close still running after 8 s: interrupting " + self.getName());
                            self.interrupt();
                        }
                    }
                }, "exp-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
            }
            long t0 = System.nanoTime();
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "client does not read"));
                log("close returned after " + (System.nanoTime() - t0) / 1_000_000 + " ms, open=" + session.isOpen());
            } catch (Throwable e) {
                log("close threw after " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + e);
            }
            synchronized (closing) {
                closing[0] = false;
            }
            if (interrupt) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    // the watchdog's, late
                }
                synchronized (writing) {
                    log("1 s after the close the writer is " + (writing[0] ? "still in its send: interrupting it" : "out of its send"));
                    if (writing[0]) {
                        writer[0].interrupt();
                    }
                }
            }
        }, "exp-closer");
        closer.setDaemon(true);
        closer.start();
        Runnable write = () -> {
            long total = 0;
            long t0 = System.nanoTime();
            try {
                while (true) {
                    session.getBasicRemote().sendText(big);
                    total += size;
                }
            } catch (Throwable e) {
                synchronized (writing) {
                    writing[0] = false;
                }
                log("send released (interrupted=" + Thread.interrupted() + ") after " + (System.nanoTime() - t0) / 1_000_000
                        + " ms, " + total + " bytes written: " + e);
            }
        };
        if (parts[0].equals("reader")) {
            writer[0] = Thread.currentThread();
            write.run();
        } else {
            writer[0] = new Thread(write, "exp-writer");
            writer[0].start();
        }
    }
}
