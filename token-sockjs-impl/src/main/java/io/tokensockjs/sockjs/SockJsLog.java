package io.tokensockjs.sockjs;

/**
 * Receives the log lines of a SockJS service (connections opening trouble, closes, clients' protocol errors):
 * sockjs-node's {@code log} option given as a function. A CDI bean implementing it replaces java.util.logging for those
 * lines; annotated {@link SockJsEndpoint}{@code ("name")} it applies to that service only, else to every service.
 * Failures of the server itself are still logged as warnings through java.util.logging.
 */
@FunctionalInterface
public interface SockJsLog {

    /** As sockjs-node names them: {@code debug} for the life of connections, {@code info} for what clients did wrong. */
    enum Severity { DEBUG, INFO, ERROR }

    void log(Severity severity, String message);
}
