package io.tokensockjs.it.app;

import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsEndpoint;
import io.tokensockjs.sockjs.SockJsLog;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code /logged_echo}: an echo that takes its service's log lines (sockjs-node's log function) and tells them to a
 * client that sends {@code log?}, one line per message.
 */
@ApplicationScoped
@SockJsEndpoint("logged_echo")
public class LoggedEcho extends EchoHandler implements SockJsLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void log(Severity severity, String message) {
        lines.add(severity + " " + message);
    }

    @Override
    public void onMessage(SockJsConnection connection, String message) {
        if (message.equals("log?")) {
            lines.forEach(connection::write);
        } else {
            super.onMessage(connection, message);
        }
    }
}
