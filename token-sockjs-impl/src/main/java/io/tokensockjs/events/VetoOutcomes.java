package io.tokensockjs.events;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How every vetoable action is decided, whoever asks: the handshake and the channel requests alike. The event is
 * fired; an observer that throws vetoes it with the default reason (and is logged); once every observer has decided,
 * possibly later, exactly one of the outcomes runs.
 */
public final class VetoOutcomes {

    private static final Logger LOG = Logger.getLogger(VetoOutcomes.class.getName());

    private VetoOutcomes() {
    }

    /**
     * @param what      names the event in the log line of a failing observer
     * @param onVetoed  gets the reason the client is told: the first veto's, or {@code "Forbidden"}
     * @param onAllowed runs when nobody vetoed
     */
    public static <E extends VetoableEventSupport> void decide(E event, Consumer<? super E> fire, String what,
            Consumer<String> onVetoed, Runnable onAllowed) {
        try {
            fire.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of " + what + " failed; refusing", e);
            event.veto(VetoableEventSupport.DEFAULT_REASON);
        }
        event.outcome().whenComplete((reason, failure) -> {
            if (reason != null || failure != null) {
                onVetoed.accept(reason != null ? reason : VetoableEventSupport.DEFAULT_REASON);
            } else {
                onAllowed.run();
            }
        });
    }
}
