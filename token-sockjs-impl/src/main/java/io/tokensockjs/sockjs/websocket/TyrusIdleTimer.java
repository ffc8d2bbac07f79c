package io.tokensockjs.sockjs.websocket;

import jakarta.websocket.Session;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes Tyrus's (Payara's) per-message idle timer off a socket whose idle timeout is off.
 *
 * <p>Payara's Tyrus (2.1.5.payara-p2 in Payara 6.2025.10) restarts a session's idle timer on every message received
 * or sent, also when the timeout is 0: it schedules {@code TyrusSession$IdleTimeoutCommand}, with the timeout as its
 * delay, on the server's default managed scheduled executor. Scheduling captures the thread's context, which
 * looks up the {@code ThreadContextProvider} services of the thread's context class loader (the application's,
 * while a message is received: every jar of the application and of Payara, per message), and the task then runs at
 * once on a managed thread, with the context set up and torn down around a command that does nothing (it closes the
 * session only if the timeout is above 0). In the rpc benchmark that was two thirds of Payara's CPU, the receiving
 * side out of the library's reach otherwise: the container restarts the timer before it calls the endpoint.
 *
 * <p>So the session's scheduler ({@code TyrusSession.service}, set from its container) is replaced by one that
 * answers a delay-0 idle timer command with a finished future, without scheduling it, and passes everything else
 * (heartbeats, idle timers with a timeout) to the container's. The endpoints set no idle timeout, so their sockets
 * lose nothing. Where the field is not there (another Tyrus, another container) or not writable, the socket keeps
 * the container's scheduler, and {@link SendLoader} still lightens the sending side.
 *
 * <p>A new session sets its idle timeout, and so schedules a first timer, in its constructor, before the endpoint
 * sees it: with the webapp's class loader as context loader during the handshake, that one capture was a fifth of
 * the server's CPU per connect. So at deployment the application's server container gets the same replacement
 * ({@link #skipEmptyTimersOfContainer}): its managed scheduler ({@code BaseContainer.managedScheduledExecutorService},
 * which every session of the container takes in its constructor) is wrapped the same way. Sessions made after that
 * skip empty timers from their first one; the per-socket replacement stays for a container this could not reach.
 */
final class TyrusIdleTimer {

    private static final Logger LOG = Logger.getLogger(TyrusIdleTimer.class.getName());
    private static final String SESSION = "org.glassfish.tyrus.core.TyrusSession";
    private static final String IDLE_TIMEOUT_COMMAND = SESSION + "$IdleTimeoutCommand";
    private static final String BASE_CONTAINER = "org.glassfish.tyrus.core.BaseContainer";
    /** {@code TyrusSession.service} of the Tyrus met last, made accessible. */
    private static volatile Field scheduler;

    private TyrusIdleTimer() {
    }

    /**
     * Replaces a Tyrus session's scheduler by one that skips idle timers of a timeout of 0.
     *
     * @return true if the socket's scheduler was replaced (or had been already); false for other containers, and when
     *         the session's class is not as expected
     */
    static boolean skipEmptyTimers(Session socket) {
        return skipEmptyTimersOf(socket);
    }

    /** {@link #skipEmptyTimers(Session)} on any object: a Tyrus session, or not. */
    static boolean skipEmptyTimersOf(Object socket) {
        Class<?> type = socket.getClass();
        if (!type.getName().equals(SESSION)) {
            return false;
        }
        try {
            Field field = scheduler;
            if (field == null || field.getDeclaringClass() != type) {
                field = schedulerField(type);
                if (field == null) {
                    return false;
                }
                scheduler = field;
            }
            return wrap(field, socket);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // InaccessibleObjectException among them, should a later Payara put Tyrus in a named module.
            LOG.log(Level.FINE, "Tyrus session's scheduler not replaced", e);
            return false;
        }
    }

    /**
     * Wraps a Tyrus server container's managed scheduler so that the sessions it makes skip idle timers of a timeout
     * of 0 from their construction on.
     *
     * @return true if the container's scheduler was wrapped (or had been already); false for other containers, for a
     *         Tyrus container without a managed scheduler (its own scheduler captures no context), and when the
     *         class is not as expected
     */
    static boolean skipEmptyTimersOfContainer(Object container) {
        Class<?> base = container.getClass();
        while (base != null && !base.getName().equals(BASE_CONTAINER)) {
            base = base.getSuperclass();
        }
        if (base == null) {
            return false;
        }
        try {
            Field field = base.getDeclaredField("managedScheduledExecutorService");
            if (field.getType() != ScheduledExecutorService.class || Modifier.isStatic(field.getModifiers())) {
                return false;
            }
            // Final, written once in the constructor and read by every new session: writable through reflection
            // for a class outside a named module, as Payara loads Tyrus.
            field.setAccessible(true);
            return wrap(field, container);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Tyrus container's scheduler not replaced", e);
            return false;
        }
    }

    /** Wraps the scheduler an accessible field of {@code owner} holds; true if it is wrapped now (or was already). */
    private static boolean wrap(Field field, Object owner) throws IllegalAccessException {
        Object current = field.get(owner);
        if (current instanceof SkippingEmptyTimers) {
            return true;
        }
        if (!(current instanceof ScheduledExecutorService given)) {
            return false;
        }
        field.set(owner, new SkippingEmptyTimers(given));
        return true;
    }

    /** The session class's scheduler field, made accessible; null if it is not the one this class knows. */
    private static Field schedulerField(Class<?> session) throws NoSuchFieldException {
        Field field = session.getDeclaredField("service");
        if (field.getType() != ScheduledExecutorService.class || Modifier.isFinal(field.getModifiers())
                || Modifier.isStatic(field.getModifiers())) {
            return null;
        }
        field.setAccessible(true);
        return field;
    }

    static boolean isEmptyIdleTimer(Runnable command, long delay) {
        return delay <= 0 && command.getClass().getName().equals(IDLE_TIMEOUT_COMMAND);
    }

    /** The container's scheduler, but for idle timers of a timeout of 0, which it does not run. */
    static final class SkippingEmptyTimers implements ScheduledExecutorService {
        private final ScheduledExecutorService container;

        SkippingEmptyTimers(ScheduledExecutorService container) {
            this.container = container;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return isEmptyIdleTimer(command, delay) ? Done.INSTANCE : container.schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return container.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return container.scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return container.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }

        @Override
        public void shutdown() {
            container.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return container.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return container.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return container.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return container.awaitTermination(timeout, unit);
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return container.submit(task);
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return container.submit(task, result);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return container.submit(task);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return container.invokeAll(tasks);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return container.invokeAll(tasks, timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
            return container.invokeAny(tasks);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return container.invokeAny(tasks, timeout, unit);
        }

        @Override
        public void execute(Runnable command) {
            container.execute(command);
        }
    }

    /** What a skipped idle timer's scheduling returns: done, nothing to cancel. */
    private static final class Done implements ScheduledFuture<Object> {
        static final Done INSTANCE = new Done();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
