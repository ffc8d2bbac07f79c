package io.tokensockjs.sockjs.session;

import io.tokensockjs.sockjs.SockJsLog;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a service's connection and protocol-error lines go: the application's {@link SockJsLog} when it gave one,
 * else java.util.logging at INFO with the {@code log} option, FINE without. Messages are built only when they are
 * logged.
 */
public final class ServiceLog {

    private final Level level;
    private final SockJsLog function;

    /** @param function the application's log function, or null */
    public ServiceLog(boolean info, SockJsLog function) {
        this.level = info ? Level.INFO : Level.FINE;
        this.function = function;
    }

    /** The life of a connection: closes, interruptions, failed writes. */
    public void debug(Logger logger, Supplier<String> message) {
        log(logger, SockJsLog.Severity.DEBUG, message);
    }

    /** What a client did wrong: oversized or broken payloads. */
    public void info(Logger logger, Supplier<String> message) {
        log(logger, SockJsLog.Severity.INFO, message);
    }

    private void log(Logger logger, SockJsLog.Severity severity, Supplier<String> message) {
        if (function == null) {
            logger.log(level, message);
            return;
        }
        try {
            function.log(severity, message.get());
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "The application's SockJS log function failed", e);
        }
    }
}
