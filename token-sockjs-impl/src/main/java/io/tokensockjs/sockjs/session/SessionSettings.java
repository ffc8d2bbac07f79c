package io.tokensockjs.sockjs.session;

import io.tokensockjs.sockjs.SockJsHandler;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * The narrow view of a service that its sessions need.
 *
 * @param handler             the application's handler
 * @param heartbeatNanos      quiet time before a heartbeat frame
 * @param disconnectNanos     time a session survives with no receiver attached
 * @param maxQueuedChars      characters that may wait for a client before its session is closed
 * @param clock               the time source, {@link System#nanoTime()} outside tests
 * @param log                 where connection and protocol-error lines go
 * @param scheduler           runs delayed checks and close notifications that cannot run where they arise
 */
public record SessionSettings(
        SockJsHandler handler,
        long heartbeatNanos,
        long disconnectNanos,
        long maxQueuedChars,
        LongSupplier clock,
        ServiceLog log,
        ScheduledExecutorService scheduler) {
}
