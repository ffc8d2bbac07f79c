package io.tokensockjs;

import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The token socket server of this application, injectable anywhere ({@code @Inject TokenSocketServer server}).
 * Publish/subscribe reaches every server instance that shares the configured Redis; without Redis, this one.
 */
public interface TokenSocketServer {

    /** Every authenticated socket of this server instance. */
    Collection<Socket> sockets();

    /** The authenticated socket with this id on this server instance. */
    Optional<Socket> socket(String id);

    /**
     * Calls a function the client registered ({@code new TokenSocket(options, actions)} in the browser client),
     * by its dotted name. From a controller function, return the stage (or compose it) rather than wait for it:
     * functions run on the thread that reads their socket's messages, so waiting there for that socket's answer
     * only ends at the timeout.
     *
     * @param args anything JSON-B can write; the client's function receives it as its first argument
     * @return completes with the client's answer; fails with {@link SocketException} carrying the client's error,
     *         with a {@code java.util.concurrent.TimeoutException} after {@code token-sockjs.rpc.timeout}, or with
     *         {@link SocketException} when the socket closes first
     */
    CompletionStage<JsonValue> rpc(Socket socket, String function, Object args);

    /** As {@link #rpc(Socket, String, Object)}, with the answer bound with JSON-B to a type. */
    <T> CompletionStage<T> rpc(Socket socket, String function, Object args, Class<T> answerType);

    /** Adds (or replaces) a function clients can call, at run time. */
    void addFunction(String name, SocketFunction function);

    /**
     * Offers an existing HTTP route of the application as a function, unchanged (the original's {@code routes}):
     * the request data fills the path's {@code {name}} placeholders and the query string (or the JSON body for
     * POST, PUT, PATCH); the answer is the response entity plus {@code _code} and {@code _headers}, and a status of
     * 300 or more makes it the error. Routes can also be configured: {@code token-sockjs.routes.<function>=GET /path/{id}}.
     *
     * @param route {@code METHOD /path/{param}}, relative to the application's context root
     */
    void addRoute(String function, String route);

    /**
     * The socket whose route function made this HTTP request, or empty for any other request: lets a resource
     * offered as a route tell who called it. The request is recognised by a secret of this server, never by what a
     * client could send.
     */
    Optional<Socket> routeCaller(jakarta.servlet.http.HttpServletRequest request);

    /** Removes a function; true when there was one. */
    boolean removeFunction(String name);

    /** The names of every function clients can call. */
    Set<String> functions();

    /** Closes sockets that have not authenticated within the timeout of their opening. */
    void enableCleanup(Duration timeout);

    /** Lets unauthenticated sockets stay open until the client closes them. */
    void disableCleanup();

    /** Publishes on a channel, to its subscribers on every server sharing the broker. */
    void publish(String channel, Object data);

    /** Publishes on every channel of every server: each subscribed socket gets it once per channel it is on. */
    void broadcast(Object data);

    /** Subscribes a socket of this server to a channel; the client is told with an internal message. */
    void subscribe(Socket socket, String channel);

    /** Unsubscribes a socket of this server from a channel; the client is told with an internal message. */
    void unsubscribe(Socket socket, String channel);

    /** Unsubscribes every socket, on every server, from a channel. */
    void unsubscribeAll(String channel);

    /** The channels that sockets of this server are subscribed to. */
    Set<String> channels();

    /** The sockets of this server subscribed to a channel. */
    Collection<Socket> channelSockets(String channel);

    /** Closes every socket and stops issuing tokens. */
    void shutdown();

    // ---- the cluster: every server sharing the Redis (without Redis, this one) ---------------------------------

    /** The SockJS close code of a socket closed by {@link #close(String, String)}, a revocation or a re-validation. */
    int REVOKED_CODE = 4403;

    /**
     * This server's id in the cluster: made at start, so a restarted server has a new one and its predecessor's
     * entries are never mistaken for its own.
     */
    String serverId();

    /**
     * Every socket subscribed to a channel, on every live server. Entries of a server that stopped without cleaning
     * up are left out once its heartbeat expires ({@code token-sockjs.cluster.server-ttl}).
     */
    List<SocketPresence> presence(String channel);

    /** Every authenticated socket of every live server, with its user. */
    List<SocketPresence> clusterSockets();

    /** The users with at least one authenticated socket on a live server. */
    Set<String> usersOnline();

    /**
     * Sends a channel message ({@code {"channel":C,"message":DATA}}, which the browser client emits as a message of
     * that channel) to every socket of a user on every server, subscribed to the channel or not. The message
     * filters do not run: the application chose the recipient.
     *
     * @return completes with how many sockets it was queued for, once every live server answered (or
     *         {@code token-sockjs.cluster.timeout} passed: the servers that answered by then are counted)
     */
    CompletionStage<Integer> sendToUser(String user, String channel, Object data);

    /**
     * As {@link #rpc(Socket, String, Object)}, for a socket on any server, by its id: the call is made by the server
     * holding it and the answer comes back here.
     *
     * @return fails with {@link SocketException} {@code "Socket not found"} when no live server holds the socket
     */
    CompletionStage<JsonValue> rpc(String socketId, String function, Object args);

    /**
     * Closes a socket on any server, with code {@link #REVOKED_CODE} and a reason the client sees in its close frame.
     *
     * @return completes with whether a socket was closed
     */
    CompletionStage<Boolean> close(String socketId, String reason);

    /** Closes every socket of a user on every server, as {@link #close(String, String)}; completes with how many. */
    CompletionStage<Integer> closeUser(String user, String reason);

    /**
     * Closes, on every server, each socket whose authentication data is an object holding {@code key} with exactly
     * this value (say {@code "tenant"}, {@code "acme"}), as {@link #close(String, String)}; completes with how many.
     * The predicate is data, so each server evaluates it on its own sockets.
     */
    CompletionStage<Integer> closeWhere(String key, JsonValue value, String reason);
}
