package io.tokensockjs.event;

import java.util.concurrent.CompletionStage;

/**
 * An event an observer can refuse. Any observer's veto refuses the action; the first veto's reason goes back to
 * the client as the error ({@code "Forbidden"} when none is given). Observers run in {@code @Priority} order.
 */
public interface VetoableEvent {

    /** Refuses the action with {@code "Forbidden"}. */
    default void veto() {
        veto("Forbidden");
    }

    /** Refuses the action with a reason sent to the client. */
    void veto(String reason);

    /** Whether an observer refused the action so far. */
    boolean isVetoed();

    /** The reason of the first veto, or null. */
    String vetoReason();

    /**
     * Lets an observer decide later without holding a thread: the action waits until every stage registered
     * this way completes. A stage that fails vetoes the action, with the message of a
     * {@link io.tokensockjs.SocketException} as the reason (otherwise {@code "Forbidden"}).
     */
    void decideLater(CompletionStage<?> decision);
}
