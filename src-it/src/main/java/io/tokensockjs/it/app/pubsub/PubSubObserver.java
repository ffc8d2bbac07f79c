package io.tokensockjs.it.app.pubsub;

import io.tokensockjs.Socket;
import io.tokensockjs.SocketException;
import io.tokensockjs.event.BroadcastEvent;
import io.tokensockjs.event.PublishEvent;
import io.tokensockjs.event.SubscribeEvent;
import io.tokensockjs.event.UnsubscribeEvent;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonValue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The test application's rules: {@code admin} only for admins; nobody publishes on {@code readonly}; nobody leaves
 * {@code sticky}; {@code later-yes} and {@code later-no} are decided after a delay (allowed, refused); only admins
 * broadcast. A second, later observer vetoes what the first allowed on {@code second-says-no}.
 */
@ApplicationScoped
public class PubSubObserver {

    private static boolean admin(Socket socket) {
        JsonValue auth = socket.authData();
        return auth.getValueType() == JsonValue.ValueType.OBJECT && "admin".equals(auth.asJsonObject().getString("role", ""));
    }

    void onSubscribe(@Observes @Priority(10) SubscribeEvent event) {
        switch (event.channel()) {
            case "admin" -> {
                if (!admin(event.socket())) {
                    event.veto("Admins only");
                }
            }
            case "later-yes" -> event.decideLater(CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS)));
            case "later-no" -> event.decideLater(CompletableFuture.runAsync(() -> {
                throw new SocketException("Decided against it");
            }, CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS)));
            default -> {
            }
        }
    }

    void onSubscribeLater(@Observes @Priority(20) SubscribeEvent event) {
        if (event.channel().equals("second-says-no")) {
            event.veto("Second observer");
        }
    }

    void onUnsubscribe(@Observes UnsubscribeEvent event) {
        if (event.channel().equals("sticky")) {
            event.veto("You cannot leave");
        }
    }

    void onPublish(@Observes PublishEvent event) {
        if (event.channel().equals("readonly")) {
            event.veto();
        }
    }

    void onBroadcast(@Observes BroadcastEvent event) {
        if (!admin(event.socket())) {
            event.veto("Only admins broadcast");
        }
    }
}
