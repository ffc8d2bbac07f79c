package io.tokensockjs.threads;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The websocket closer: threads of its own, never the caller's or the scheduler's, and quiet after stop. */
class SchedulingTest {

    // No server here: no managed executors or thread factory, so the fallbacks run.
    private final Scheduling scheduling = new Scheduling();

    @AfterEach
    void stop() {
        scheduling.stop();
    }

    @Test
    void closesRunOnThreadsOfTheirOwnAndWaitingClosesDoNotHoldUpOthers() throws Exception {
        Executor closer = scheduling.closer();
        assertSame(closer, scheduling.closer(), "one closer per application");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(Scheduling.CLOSER_THREADS - 1);
        // Closes that wait for the container, as Liberty's do when it is busy: all threads but one.
        for (int i = 0; i < Scheduling.CLOSER_THREADS - 1; i++) {
            closer.execute(() -> {
                blocked.countDown();
                await(release);
            });
        }
        assertTrue(blocked.await(5, TimeUnit.SECONDS));
        List<Thread> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        closer.execute(() -> {
            ran.add(Thread.currentThread());
            done.countDown();
        });
        assertTrue(done.await(5, TimeUnit.SECONDS), "a close is not held up by others waiting");
        assertNotSame(Thread.currentThread(), ran.get(0));
        scheduling.scheduler().submit(() -> assertNotSame(ran.get(0), Thread.currentThread())).get(5, TimeUnit.SECONDS);
        release.countDown();
    }

    @Test
    void aCloseHandedOverAfterStopIsDroppedQuietly() throws Exception {
        Executor closer = scheduling.closer();
        List<String> ran = new CopyOnWriteArrayList<>();
        closer.execute(() -> ran.add("before stop"));
        scheduling.stop();
        closer.execute(() -> ran.add("after stop"));
        // Every close the pool took has run once it terminated: only then can the list tell a dropped close apart
        // from one that has not run yet.
        assertTrue(scheduling.awaitClosesDone(5, TimeUnit.SECONDS), "the closer's threads ended");
        assertEquals(List.of("before stop"), ran, "a close handed over before stop still runs; one after it is dropped");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
