package io.tokensockjs.events;

import io.tokensockjs.SocketException;
import io.tokensockjs.event.VetoableEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The veto logic every vetoable event shares: the first veto's reason wins, and decisions left for later are
 * gathered so the action can wait for them without holding a thread.
 */
public abstract class VetoableEventSupport implements VetoableEvent {

    /** The reason of a veto that gave none, and of a failed observer or decision. */
    static final String DEFAULT_REASON = "Forbidden";

    private String vetoReason;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    @Override
    public synchronized void veto(String reason) {
        if (vetoReason == null) {
            vetoReason = reason == null || reason.isEmpty() ? DEFAULT_REASON : reason;
        }
    }

    @Override
    public synchronized boolean isVetoed() {
        return vetoReason != null;
    }

    @Override
    public synchronized String vetoReason() {
        return vetoReason;
    }

    @Override
    public synchronized void decideLater(CompletionStage<?> decision) {
        pending.add(decision.toCompletableFuture());
    }

    /**
     * Completes when every observer has decided: with null when the action may go ahead, else with the reason of
     * the first veto.
     */
    public CompletionStage<String> outcome() {
        List<CompletableFuture<?>> waiting;
        synchronized (this) {
            if (vetoReason != null || pending.isEmpty()) {
                return CompletableFuture.completedFuture(vetoReason);
            }
            waiting = List.copyOf(pending);
        }
        CompletableFuture<?>[] all = waiting.toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).handle((ignored, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                veto(cause instanceof SocketException socketException ? socketException.getMessage() : DEFAULT_REASON);
            }
            return vetoReason();
        });
    }
}
