package io.tokensockjs.it.app.pubsub;

import io.tokensockjs.event.HistoryEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The test application's history rule: nobody reads the history of {@code history.sealed}. */
@ApplicationScoped
public class HistoryObserver {

    void onHistory(@Observes HistoryEvent event) {
        if (event.channel().equals("history.sealed")) {
            event.veto("Sealed");
        }
    }
}
