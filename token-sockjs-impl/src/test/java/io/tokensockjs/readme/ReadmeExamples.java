package io.tokensockjs.readme;

import io.tokensockjs.AuthData;
import io.tokensockjs.Authentication;
import io.tokensockjs.Authenticator;
import io.tokensockjs.MessageFilter;
import io.tokensockjs.Socket;
import io.tokensockjs.SocketController;
import io.tokensockjs.SocketException;
import io.tokensockjs.TokenSocketServer;
import io.tokensockjs.event.AuthenticationEvent;
import io.tokensockjs.event.PublishEvent;
import io.tokensockjs.event.SocketClosedEvent;
import io.tokensockjs.event.SubscribeEvent;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The Java examples of README.md, compiled with the tests so that they stay true. Each nested class is one README
 * snippet; keep both in step.
 */
final class ReadmeExamples {

    private ReadmeExamples() {
    }

    /** The authentication data the examples' login puts in the session. */
    public record User(String name, String role) {
    }

    // ---- Quick start: a controller --------------------------------------------------------------------------------

    @SocketController("greeter")
    public static class Greeter {

        /** Called by clients as {@code greeter.hello}. */
        public String hello(String name, @AuthData User user) {
            return "Hello " + name + ", from " + user.name();
        }

        /** Results may come later. */
        public CompletionStage<Integer> slowLength(String text) {
            return CompletableFuture.supplyAsync(text::length);
        }

        /** Errors for the client. */
        public void refuse() {
            throw new SocketException("Not allowed");
        }
    }

    // ---- Quick start: an observer --------------------------------------------------------------------------------

    @ApplicationScoped
    public static class Rules {

        void onAuthentication(@Observes AuthenticationEvent event) {
            if ("banned".equals(event.socket().authData(User.class).role())) {
                event.veto("Banned");
            }
        }

        void onSubscribe(@Observes @Priority(10) SubscribeEvent event) {
            if (event.channel().startsWith("admin") && !"admin".equals(event.socket().authData(User.class).role())) {
                event.veto("Admins only");
            }
        }

        void onPublish(@Observes PublishEvent event) {
            // Decide later, without holding a thread: the publish waits for the stage; a failure vetoes it.
            event.decideLater(CompletableFuture.runAsync(() -> { }));
        }

        void onClosed(@Observes SocketClosedEvent event) {
            System.out.println("socket " + event.socket().id() + " closed: " + event.code() + " " + event.reason());
        }
    }

    // ---- Authentication ------------------------------------------------------------------------------------------

    @ApplicationScoped
    public static class ApiKeyAuthenticator implements Authenticator {

        @Override
        public Authentication authenticate(HttpServletRequest request) {
            String key = request.getParameter("apiKey");
            if (key == null || !key.startsWith("k-")) {
                return Authentication.refuse();
            }
            return Authentication.accept(new User(key.substring(2), "member"));
        }
    }

    // ---- Filtering --------------------------------------------------------------------------------------------------

    @ApplicationScoped
    public static class HideEmail implements MessageFilter {

        @Override
        public JsonValue filter(Socket socket, String channel, JsonValue message) {
            boolean admin = "admin".equals(socket.authData(User.class).role());
            if (!admin && message instanceof JsonObject object && object.containsKey("email")) {
                return Json.createObjectBuilder(object).remove("email").build();
            }
            return message;
        }
    }

    // ---- The server: RPC to clients, functions at run time, cleanup, listing, pub/sub, shutdown -------------------------------

    @ApplicationScoped
    public static class Operations {

        @Inject
        TokenSocketServer server;

        void callEveryClient() {
            for (Socket socket : server.sockets()) {
                server.rpc(socket, "clock.now", JsonValue.NULL)
                        .thenAccept(time -> System.out.println(socket.id() + " says " + time))
                        .exceptionally(failure -> {
                            System.out.println(socket.id() + " did not answer: " + failure);
                            return null;
                        });
            }
        }

        void functionsAtRunTime() {
            server.addFunction("echo", (socket, data) -> data);
            server.addRoute("stats.get", "GET /api/stats");
            server.removeFunction("echo");
        }

        void cleanup() {
            server.enableCleanup(Duration.ofSeconds(10));
            server.disableCleanup();
        }

        void publishAndSubscribe(Socket socket) {
            server.subscribe(socket, "news");
            server.publish("news", Json.createObjectBuilder().add("title", "Hello").build());
            server.broadcast(Json.createValue("to every channel on every server"));
            List<Socket> readers = List.copyOf(server.channelSockets("news"));
            System.out.println(readers.size() + " readers on " + server.channels());
            server.unsubscribe(socket, "news");
            server.unsubscribeAll("news");
        }

        void cluster(String socketId) {
            server.presence("room");                 // [SocketPresence(socketId, user, server)] on every live server
            server.usersOnline();                    // users with a socket anywhere
            server.sendToUser("alice", "inbox", java.util.Map.of("text", "hi"));   // every socket of alice, as a channel message
            server.rpc(socketId, "clock.now", null); // a client of any server, answer routed back
            server.close(socketId, "Bye");           // closed with code 4403 and the reason in its close frame
            server.closeUser("alice", "Account suspended");
            server.closeWhere("tenant", Json.createValue("acme"), "Tenant disabled");   // a predicate as data, run on each server
        }

        void stop() {
            server.shutdown();
        }
    }
}
