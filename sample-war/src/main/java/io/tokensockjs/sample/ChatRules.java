package io.tokensockjs.sample;

import io.tokensockjs.event.BroadcastEvent;
import io.tokensockjs.event.PublishEvent;
import io.tokensockjs.event.SubscribeEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Who may do what on the sockets: the {@code admin} room is for admins; guests may not publish; clients publish
 * through {@code chat.say} (which stores the message) rather than {@code _publish}, except admins; only admins
 * broadcast.
 */
@ApplicationScoped
public class ChatRules {

    void subscribe(@Observes SubscribeEvent event) {
        if (event.channel().equals("admin") && !event.socket().authData(User.class).isAdmin()) {
            event.veto("The admin room is for admins");
        }
    }

    void publish(@Observes PublishEvent event) {
        User user = event.socket().authData(User.class);
        if ("guest".equals(user.role())) {
            event.veto("Guests may only read");
        } else if (!user.isAdmin()) {
            event.veto("Use chat.say");
        }
    }

    void broadcast(@Observes BroadcastEvent event) {
        if (!event.socket().authData(User.class).isAdmin()) {
            event.veto("Only admins broadcast");
        }
    }
}
