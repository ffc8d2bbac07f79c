package io.tokensockjs.it.app.token;

import io.tokensockjs.SocketException;
import io.tokensockjs.TokenSocketServer;
import io.tokensockjs.event.AuthenticationEvent;
import io.tokensockjs.event.SocketClosedEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Watches authentication by user name: {@code banned} is vetoed, {@code slow} is decided later (accepted),
 * {@code slowbanned} is decided later (refused), {@code greeted} is called ({@code hello}) before it is told success.
 * Closed sockets are recorded for {@code /test-admin/events}.
 */
@ApplicationScoped
public class AuthenticationObserver {

    @Inject
    TokenSocketServer server;

    private final List<String> events = new CopyOnWriteArrayList<>();

    void onAuthentication(@Observes AuthenticationEvent event) {
        String user = event.socket().authData().getValueType() == jakarta.json.JsonValue.ValueType.OBJECT
                ? event.socket().authData().asJsonObject().getString("user", "") : "";
        switch (user) {
            case "banned" -> event.veto("Banned");
            case "slow" -> event.decideLater(CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)));
            case "slowbanned" -> event.decideLater(CompletableFuture.supplyAsync(() -> {
                throw new SocketException("Not today");
            }, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)));
            case "greeted" -> event.decideLater(server.rpc(event.socket(), "hello", Json.createValue("before success"))
                    .thenAccept(answer -> events.add("greeted answered " + answer)));
            default -> {
            }
        }
        events.add("authenticated " + user);
    }

    void onClosed(@Observes SocketClosedEvent event) {
        events.add("closed " + event.socket().id() + " " + event.code());
    }

    public void record(String event) {
        events.add(event);
    }

    public List<String> events() {
        return List.copyOf(events);
    }
}
