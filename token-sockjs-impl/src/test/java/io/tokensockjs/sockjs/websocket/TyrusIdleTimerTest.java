package io.tokensockjs.sockjs.websocket;

import org.glassfish.tyrus.core.BaseContainer;
import org.glassfish.tyrus.core.TyrusSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TyrusIdleTimerTest {

    // Never started by these tests' delays: what is scheduled stays in its queue, to be counted.
    private final ScheduledThreadPoolExecutor container = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stop() {
        container.shutdownNow();
    }

    @Test
    void aTyrusSessionWithoutIdleTimeoutSchedulesNothingPerMessage() {
        TyrusSession socket = new TyrusSession(container);
        assertTrue(TyrusIdleTimer.skipEmptyTimersOf(socket));
        assertInstanceOf(TyrusIdleTimer.SkippingEmptyTimers.class, socket.scheduler());
        socket.setMaxIdleTimeout(0);
        for (int i = 0; i < 3; i++) {
            socket.restartIdleTimeoutExecutor();
        }
        // Counts every task ever handed to the container, run or not.
        assertEquals(0, container.getTaskCount());
        assertEquals(0, socket.idleTimersRun);
    }

    @Test
    void anIdleTimeoutIsStillScheduledOnTheContainers() {
        TyrusSession socket = new TyrusSession(container);
        TyrusIdleTimer.skipEmptyTimersOf(socket);
        socket.setMaxIdleTimeout(60_000);
        socket.restartIdleTimeoutExecutor();
        assertEquals(1, container.getQueue().size());
    }

    @Test
    void otherTasksGoToTheContainersScheduler() {
        TyrusSession socket = new TyrusSession(container);
        TyrusIdleTimer.skipEmptyTimersOf(socket);
        Runnable other = () -> { };
        ScheduledFuture<?> heartbeat = socket.scheduler().scheduleAtFixedRate(other, 60, 60, TimeUnit.SECONDS);
        ScheduledFuture<?> later = socket.scheduler().schedule(other, 60, TimeUnit.SECONDS);
        assertTrue(container.getQueue().contains(heartbeat));
        assertTrue(container.getQueue().contains(later));
        // Only the idle timer's command is skipped, not any task scheduled without delay.
        assertFalse(TyrusIdleTimer.isEmptyIdleTimer(other, 0));
    }

    @Test
    void aSecondCallLeavesTheReplacementInPlace() {
        TyrusSession socket = new TyrusSession(container);
        TyrusIdleTimer.skipEmptyTimersOf(socket);
        Object replaced = socket.scheduler();
        assertTrue(TyrusIdleTimer.skipEmptyTimersOf(socket));
        assertSame(replaced, socket.scheduler());
    }

    @Test
    void sessionsOfAContainerWhoseSchedulerIsWrappedScheduleNoEmptyTimerFromTheirConstructorOn() {
        // A subclass, as Payara's server container is one of BaseContainer.
        BaseContainer tyrus = new BaseContainer(container) { };
        assertTrue(TyrusIdleTimer.skipEmptyTimersOfContainer(tyrus));
        assertTrue(TyrusIdleTimer.skipEmptyTimersOfContainer(tyrus), "a second deployment leaves it wrapped");
        TyrusSession socket = tyrus.newSession();
        socket.restartIdleTimeoutExecutor();
        assertEquals(0, container.getTaskCount());
        assertInstanceOf(TyrusIdleTimer.SkippingEmptyTimers.class, socket.scheduler());
        assertTrue(TyrusIdleTimer.skipEmptyTimersOf(socket), "the socket's own replacement finds it done");
    }

    @Test
    void aContainerWithoutManagedSchedulerOrNotTyrusIsLeftAlone() {
        assertFalse(TyrusIdleTimer.skipEmptyTimersOfContainer(new BaseContainer(null)));
        assertFalse(TyrusIdleTimer.skipEmptyTimersOfContainer(new Object()));
    }

    @Test
    void otherContainersSessionsAreLeftAlone() {
        assertFalse(TyrusIdleTimer.skipEmptyTimersOf(new Object()));
    }
}
