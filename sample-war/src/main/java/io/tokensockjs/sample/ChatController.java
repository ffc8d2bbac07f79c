package io.tokensockjs.sample;

import io.tokensockjs.AuthData;
import io.tokensockjs.Socket;
import io.tokensockjs.SocketController;
import io.tokensockjs.SocketException;
import io.tokensockjs.TokenSocketServer;

import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chat functions the page calls: {@code chat.rooms}, {@code chat.history} (a {@code CompletionStage}, as a real
 * store would answer asynchronously) and {@code chat.say}, which checks and stores a message before publishing it.
 */
@SocketController("chat")
public class ChatController {

    /** A chat message as the page shows it; {@code email} is hidden from non-admins by {@link HideEmailFilter}. */
    public record Message(String room, String from, String email, String text, String at) {
    }

    /** What {@code chat.say} takes. */
    public record Say(String room, String text) {
    }

    static final List<String> ROOMS = List.of("lobby", "random", "admin");
    private static final int HISTORY = 50;

    @Inject
    TokenSocketServer server;

    private final Map<String, Deque<Message>> history = new ConcurrentHashMap<>();

    /** Every room; joining {@code admin} is vetoed for non-admins by {@link ChatRules}, so the page shows that too. */
    public List<String> rooms() {
        return ROOMS;
    }

    public CompletionStage<List<Message>> history(String room) {
        return CompletableFuture.supplyAsync(() -> {
            Deque<Message> messages = history.get(room);
            if (messages == null) {
                return List.of();
            }
            synchronized (messages) {
                return List.copyOf(messages);
            }
        });
    }

    public Message say(Say say, @AuthData User user, Socket socket) {
        if (say.room() == null || !ROOMS.contains(say.room())) {
            throw new SocketException("No such room");
        }
        if (!socket.channels().contains(say.room())) {
            throw new SocketException("Join the room first");
        }
        String text = say.text() == null ? "" : say.text().strip();
        if (text.isEmpty() || text.length() > 500) {
            throw new SocketException("Say something (at most 500 characters)");
        }
        if ("guest".equals(user.role())) {
            throw new SocketException("Guests may only read");
        }
        Message message = new Message(say.room(), user.name(), user.email(), text, Instant.now().toString());
        Deque<Message> messages = history.computeIfAbsent(say.room(), room -> new ArrayDeque<>());
        synchronized (messages) {
            messages.addLast(message);
            while (messages.size() > HISTORY) {
                messages.removeFirst();
            }
        }
        server.publish(say.room(), message);
        return message;
    }
}
