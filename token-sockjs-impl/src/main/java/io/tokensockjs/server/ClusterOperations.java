package io.tokensockjs.server;

import io.tokensockjs.SocketException;
import io.tokensockjs.SocketPresence;
import io.tokensockjs.TokenSocketServer;
import io.tokensockjs.cluster.Cluster;
import io.tokensockjs.cluster.ClusterBus;
import io.tokensockjs.cluster.ClusterException;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.json.Jsonp;
import io.tokensockjs.protocol.WireMessages;
import io.tokensockjs.sockjs.CloseStatus;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * What {@link TokenSocketServer} does across servers: each operation is a request on the {@link ClusterBus}, to the
 * server holding a socket or to every server, and each server acts on its own sockets. The operations:
 * {@code send-to-user}, {@code close}, {@code close-user}, {@code close-where} (the predicate travels as data, a key
 * and a value of the authentication data) and {@code rpc}.
 */
@ApplicationScoped
public class ClusterOperations {

    private static final Logger LOG = Logger.getLogger(ClusterOperations.class.getName());
    /** Close reasons are cut to this length: the close frame carries them to the client. */
    static final int MAX_REASON_LENGTH = 120;

    @Inject
    Cluster cluster;

    @Inject
    SocketRegistry sockets;

    @Inject
    TokenSocketServerImpl server;

    @Inject
    TokenSockJsConfig config;

    @PostConstruct
    void init() {
        ClusterBus bus = cluster.bus();
        bus.handle("send-to-user", data -> {
            JsonObject request = object(data);
            String user = string(request, "user");
            String message = WireMessages.channelMessage(string(request, "channel"),
                    request.getOrDefault("data", JsonValue.NULL).toString());
            int sent = 0;
            for (SocketImpl socket : List.copyOf(sockets.authenticatedSockets())) {
                if (user.equals(socket.user()) && socket.send(message)) {
                    sent++;
                }
            }
            return count(sent);
        });
        bus.handle("close", data -> {
            JsonObject request = object(data);
            SocketImpl socket = sockets.authenticatedSocket(string(request, "socket"));
            boolean closed = socket != null && closeLocal(socket, string(request, "reason"));
            return CompletableFuture.completedFuture(closed ? JsonValue.TRUE : JsonValue.FALSE);
        });
        bus.handle("close-user", data -> {
            JsonObject request = object(data);
            String user = string(request, "user");
            return count(closeLocal(socket -> user.equals(socket.user()), string(request, "reason")));
        });
        bus.handle("close-where", data -> {
            JsonObject request = object(data);
            String key = string(request, "key");
            JsonValue value = request.getOrDefault("value", JsonValue.NULL);
            return count(closeLocal(socket -> socket.authData() instanceof JsonObject auth && value.equals(auth.get(key)),
                    string(request, "reason")));
        });
        bus.handle("rpc", data -> {
            JsonObject request = object(data);
            SocketImpl socket = sockets.authenticatedSocket(string(request, "socket"));
            if (socket == null) {
                return CompletableFuture.failedFuture(new SocketException("Socket not found"));
            }
            return server.rpc(socket, string(request, "function"), request.getOrDefault("args", JsonValue.NULL));
        });
    }

    /** Registers the handlers with the application, so that other servers can ask this one before it is used. */
    void applicationStarted(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.fine(() -> "cluster operations ready on server " + cluster.serverId());
    }

    CompletionStage<Integer> sendToUser(String user, String channel, String dataJson) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(channel, "channel");
        return sum(cluster.bus().askAll("send-to-user", Jsonp.PROVIDER.createObjectBuilder().add("user", user)
                .add("channel", channel).add("data", Jsonp.parse(dataJson)).build()));
    }

    CompletionStage<Boolean> close(String socketId, String reason) {
        SocketImpl local = sockets.authenticatedSocket(socketId);
        if (local != null) {
            return CompletableFuture.completedFuture(closeLocal(local, reason));
        }
        Optional<SocketPresence> where = locate(socketId);
        if (where.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        JsonObject request = Jsonp.PROVIDER.createObjectBuilder().add("socket", socketId).add("reason", reason(reason)).build();
        return cluster.bus().ask(where.get().server(), "close", request, config.clusterTimeout())
                .thenApply(JsonValue.TRUE::equals);
    }

    CompletionStage<Integer> closeUser(String user, String reason) {
        Objects.requireNonNull(user, "user");
        return sum(cluster.bus().askAll("close-user",
                Jsonp.PROVIDER.createObjectBuilder().add("user", user).add("reason", reason(reason)).build()));
    }

    CompletionStage<Integer> closeWhere(String key, JsonValue value, String reason) {
        Objects.requireNonNull(key, "key");
        return sum(cluster.bus().askAll("close-where", Jsonp.PROVIDER.createObjectBuilder().add("key", key)
                .add("value", value == null ? JsonValue.NULL : value).add("reason", reason(reason)).build()));
    }

    /** A call to a client of another server: made there, its answer (or error) routed back. */
    CompletionStage<JsonValue> remoteRpc(String socketId, String function, String argsJson) {
        Optional<SocketPresence> where = locate(socketId);
        if (where.isEmpty()) {
            return CompletableFuture.failedFuture(new SocketException("Socket not found"));
        }
        JsonObject request = Jsonp.PROVIDER.createObjectBuilder().add("socket", socketId).add("function", function)
                .add("args", Jsonp.parse(argsJson)).build();
        return cluster.bus().ask(where.get().server(), "rpc", request, config.rpcTimeout().plus(config.clusterTimeout()))
                .exceptionallyCompose(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    // The client's error, or the remote server's "Socket closed", reach the caller as they would locally.
                    return CompletableFuture.failedFuture(cause instanceof ClusterException ? new SocketException(cause.getMessage()) : cause);
                });
    }

    private Optional<SocketPresence> locate(String socketId) {
        try {
            return cluster.presence().socket(socketId);
        } catch (RuntimeException e) {
            throw new ClusterException("The cluster could not be reached: " + e.getMessage());
        }
    }

    /** Closes the local sockets that match; how many. */
    private int closeLocal(Predicate<SocketImpl> which, String reason) {
        int closed = 0;
        for (SocketImpl socket : List.copyOf(sockets.authenticatedSockets())) {
            if (which.test(socket) && closeLocal(socket, reason)) {
                closed++;
            }
        }
        return closed;
    }

    /** Closes a socket of this server with {@link TokenSocketServer#REVOKED_CODE}; false when it was closed already. */
    boolean closeLocal(SocketImpl socket, String reason) {
        if (!socket.isOpen()) {
            return false;
        }
        String why = reason(reason);
        LOG.info(() -> "socket " + socket.id() + " of user " + socket.user() + " closed: " + why);
        socket.connection().close(new CloseStatus(TokenSocketServer.REVOKED_CODE, why));
        return true;
    }

    private static String reason(String reason) {
        String text = reason == null || reason.isBlank() ? "Revoked" : reason;
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH);
    }

    private static CompletionStage<JsonValue> count(int count) {
        return CompletableFuture.completedFuture(Jsonp.PROVIDER.createValue(count));
    }

    private static CompletionStage<Integer> sum(CompletionStage<List<JsonValue>> answers) {
        return answers.thenApply(list -> list.stream()
                .mapToInt(answer -> answer instanceof JsonNumber number ? number.intValue() : 0).sum());
    }

    private static JsonObject object(JsonValue data) {
        if (data instanceof JsonObject object) {
            return object;
        }
        throw new ClusterException("A cluster request must be an object");
    }

    private static String string(JsonObject request, String key) {
        if (request.get(key) instanceof JsonString value) {
            return value.getString();
        }
        throw new ClusterException("A cluster request lacks " + key);
    }
}
