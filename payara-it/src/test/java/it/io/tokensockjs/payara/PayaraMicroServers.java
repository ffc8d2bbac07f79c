package it.io.tokensockjs.payara;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts the Payara Micro servers a failsafe run needs before its first test and stops them after its last,
 * whatever the tests did: failsafe forks one JVM per execution, and the JUnit Platform opens one launcher
 * session in it. The servers start in parallel (each takes ~15 s); a server that fails to start fails the run
 * with its log. A shutdown hook stops them too if the JVM ends without closing the session.
 */
public final class PayaraMicroServers implements LauncherSessionListener {

    /** Generous: three servers starting at once on a loaded 2-core machine. */
    private static final long READY_TIMEOUT_SECONDS = 240;

    private final List<PayaraMicroProcess> running = new ArrayList<>();
    private Thread shutdownHook;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        PayaraSettings settings = PayaraSettings.fromSystemProperties();
        if (settings.servers().isEmpty()) {
            return;
        }
        shutdownHook = new Thread(this::stopAll, "stop Payara Micro");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            for (String name : settings.servers()) {
                running.add(PayaraMicroProcess.start(settings, name));
            }
            for (PayaraMicroProcess server : running) {
                server.awaitReady(READY_TIMEOUT_SECONDS);
            }
        } catch (Exception e) {
            stopAll();
            throw new IllegalStateException("Could not start Payara Micro " + settings.servers() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stopAll();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs or ran: nothing left to do
            }
        }
    }

    private synchronized void stopAll() {
        // In parallel: each stop waits for Payara's own shutdown.
        running.parallelStream().forEach(PayaraMicroProcess::stop);
        running.clear();
    }
}
