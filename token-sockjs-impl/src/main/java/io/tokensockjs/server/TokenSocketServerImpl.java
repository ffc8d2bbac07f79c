package io.tokensockjs.server;

import io.tokensockjs.Socket;
import io.tokensockjs.SocketException;
import io.tokensockjs.SocketFunction;
import io.tokensockjs.TokenSocketServer;
import io.tokensockjs.SocketPresence;
import io.tokensockjs.auth.TokenIssuer;
import io.tokensockjs.cluster.Cluster;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.json.JsonCodec;
import io.tokensockjs.protocol.WireMessages;
import io.tokensockjs.pubsub.PubSub;
import io.tokensockjs.rpc.FunctionRegistry;
import io.tokensockjs.rpc.RouteBase;
import io.tokensockjs.rpc.RouteFunction;
import io.tokensockjs.threads.Scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/** The injectable {@link TokenSocketServer}. */
@ApplicationScoped
public class TokenSocketServerImpl implements TokenSocketServer {

    @Inject
    SocketRegistry sockets;

    @Inject
    SocketSweeper sweeper;

    @Inject
    JsonCodec json;

    @Inject
    FunctionRegistry functions;

    @Inject
    TokenIssuer issuer;

    @Inject
    TokenSockJsConfig config;

    @Inject
    Scheduling scheduling;

    @Inject
    PubSub pubSub;

    @Inject
    RouteBase routeBase;

    @Inject
    Cluster cluster;

    @Inject
    ClusterOperations clusterOperations;

    private final AtomicLong callIds = new AtomicLong();

    @Override
    public Collection<Socket> sockets() {
        return List.copyOf(sockets.authenticatedSockets());
    }

    @Override
    public Optional<Socket> socket(String id) {
        return Optional.ofNullable(sockets.authenticatedSocket(id));
    }

    @Override
    public CompletionStage<JsonValue> rpc(Socket socket, String function, Object args) {
        SocketImpl target = socket instanceof SocketImpl impl ? sockets.connectedSocket(impl.id()) : null;
        if (target == null || target != socket) {
            return CompletableFuture.failedFuture(new SocketException("Socket closed"));
        }
        String argsJson;
        try {
            argsJson = json.toJson(args);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("The arguments cannot be written as JSON", e));
        }
        String fid = Long.toString(callIds.incrementAndGet(), 36);
        CompletableFuture<JsonValue> answer = target.calls().register(fid, function, config.rpcTimeout(), scheduling.scheduler());
        if (!answer.isDone()) {
            target.send(WireMessages.internal("rpc", WireMessages.clientCall(fid, function, argsJson)));
        }
        return answer;
    }

    @Override
    public <T> CompletionStage<T> rpc(Socket socket, String function, Object args, Class<T> answerType) {
        return rpc(socket, function, args).thenApply(answer -> json.jsonb().fromJson(answer.toString(), answerType));
    }

    @Override
    public void addFunction(String name, SocketFunction function) {
        functions.put(name, function);
    }

    @Override
    public void addRoute(String function, String route) {
        functions.putRoute(function, route);
    }

    @Override
    public Optional<Socket> routeCaller(HttpServletRequest request) {
        String secret = request.getHeader(RouteFunction.SECRET_HEADER);
        String socketId = request.getHeader(RouteFunction.SOCKET_HEADER);
        if (secret == null || socketId == null
                || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), routeBase.secret().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return socket(socketId);
    }

    @Override
    public boolean removeFunction(String name) {
        return functions.remove(name);
    }

    @Override
    public Set<String> functions() {
        return functions.names();
    }

    @Override
    public void enableCleanup(Duration timeout) {
        sweeper.enableCleanup(timeout);
    }

    @Override
    public void disableCleanup() {
        sweeper.disableCleanup();
    }

    @Override
    public void publish(String channel, Object data) {
        pubSub.publish(channel, json.toJson(data));
    }

    @Override
    public void broadcast(Object data) {
        pubSub.broadcast(json.toJson(data));
    }

    @Override
    public void subscribe(Socket socket, String channel) {
        SocketImpl target = own(socket);
        if (target != null) {
            pubSub.subscribe(target, channel);
        }
    }

    @Override
    public void unsubscribe(Socket socket, String channel) {
        SocketImpl target = own(socket);
        if (target != null) {
            pubSub.unsubscribe(target, channel);
        }
    }

    @Override
    public void unsubscribeAll(String channel) {
        pubSub.unsubscribeAll(channel);
    }

    @Override
    public Set<String> channels() {
        return Set.copyOf(pubSub.channels());
    }

    @Override
    public Collection<Socket> channelSockets(String channel) {
        return pubSub.channelSockets(channel);
    }

    /** The open, authenticated socket of this server behind a Socket, or null. */
    private SocketImpl own(Socket socket) {
        SocketImpl target = socket instanceof SocketImpl impl ? sockets.authenticatedSocket(impl.id()) : null;
        return target == socket ? target : null;
    }

    @Override
    public void shutdown() {
        issuer.shutdown();
        sweeper.shutdown();
    }

    // ---- the cluster ---------------------------------------------------------------------------------------------

    @Override
    public String serverId() {
        return cluster.serverId();
    }

    @Override
    public List<SocketPresence> presence(String channel) {
        return cluster.presence().channel(channel);
    }

    @Override
    public List<SocketPresence> clusterSockets() {
        return cluster.presence().sockets();
    }

    @Override
    public Set<String> usersOnline() {
        return clusterSockets().stream().map(SocketPresence::user).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public CompletionStage<Integer> sendToUser(String user, String channel, Object data) {
        return clusterOperations.sendToUser(user, channel, json.toJson(data));
    }

    @Override
    public CompletionStage<JsonValue> rpc(String socketId, String function, Object args) {
        SocketImpl local = sockets.authenticatedSocket(socketId);
        if (local != null) {
            return rpc(local, function, args);
        }
        String argsJson;
        try {
            argsJson = json.toJson(args);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("The arguments cannot be written as JSON", e));
        }
        try {
            return clusterOperations.remoteRpc(socketId, function, argsJson);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Boolean> close(String socketId, String reason) {
        try {
            return clusterOperations.close(socketId, reason);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Integer> closeUser(String user, String reason) {
        return clusterOperations.closeUser(user, reason);
    }

    @Override
    public CompletionStage<Integer> closeWhere(String key, JsonValue value, String reason) {
        return clusterOperations.closeWhere(key, value, reason);
    }
}
