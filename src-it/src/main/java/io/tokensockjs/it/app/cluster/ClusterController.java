package io.tokensockjs.it.app.cluster;

import io.tokensockjs.Socket;
import io.tokensockjs.SocketController;
import io.tokensockjs.SocketPresence;
import io.tokensockjs.TokenSocketServer;

import jakarta.inject.Inject;
import jakarta.json.JsonValue;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** The cluster-wide operations of {@link TokenSocketServer}, callable by the tests: {@code cluster.*}. */
@SocketController("cluster")
public class ClusterController {

    /** Who a socket is, as the cluster knows it. */
    public record Me(String socket, String server, String user) {
    }

    public record ToUser(String user, String channel, JsonValue data) {
    }

    public record CloseSocket(String socket, String reason) {
    }

    public record CloseUser(String user, String reason) {
    }

    public record CloseWhere(String key, JsonValue value, String reason) {
    }

    public record Call(String socket, String function, JsonValue args) {
    }

    @Inject
    TokenSocketServer server;

    @Inject
    PresenceLog presenceLog;

    public Me me(Socket socket) {
        return new Me(socket.id(), server.serverId(), socket.user());
    }

    public List<SocketPresence> presence(String channel) {
        return server.presence(channel).stream().sorted(Comparator.comparing(SocketPresence::socketId)).toList();
    }

    public Set<String> users() {
        return server.usersOnline();
    }

    public CompletionStage<Integer> sendToUser(ToUser request) {
        return server.sendToUser(request.user(), request.channel(), request.data());
    }

    public CompletionStage<Boolean> close(CloseSocket request) {
        return server.close(request.socket(), request.reason());
    }

    public CompletionStage<Integer> closeUser(CloseUser request) {
        return server.closeUser(request.user(), request.reason());
    }

    public CompletionStage<Integer> closeWhere(CloseWhere request) {
        return server.closeWhere(request.key(), request.value(), request.reason());
    }

    public CompletionStage<JsonValue> call(Call request) {
        return server.rpc(request.socket(), request.function(), request.args());
    }

    /** The presence events this server fired on a channel, as {@code join|leave user}. */
    public List<String> events(String channel) {
        return presenceLog.of(channel);
    }
}
