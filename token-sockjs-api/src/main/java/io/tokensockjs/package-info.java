/**
 * What applications program against: token-authenticated sockets with RPC in both directions and
 * publish/subscribe.
 *
 * <h2>Calling the server</h2>
 * Public methods of beans annotated {@link io.tokensockjs.SocketController} become functions clients call by
 * name ({@code namespace.method}):
 * <pre>{@code
 * @SocketController("user")
 * public class Users {
 *     public Profile read(ProfileRequest request, Socket socket) { ... }      // "user.read"
 *     public CompletionStage<List<Profile>> search(String text) { ... }       // "user.search"
 * }
 * }</pre>
 *
 * <h2>Calling a client</h2>
 * <pre>{@code
 * @Inject TokenSocketServer server;
 * server.rpc(socket, "clock.now", Map.of("zone", "UTC")).thenAccept(answer -> ...);
 * }</pre>
 *
 * <h2>Watching and vetoing</h2>
 * The events of {@link io.tokensockjs.event} are CDI events:
 * <pre>{@code
 * void onAuthentication(@Observes AuthenticationEvent event) {
 *     if (event.authData(User.class).banned()) {
 *         event.veto("Banned");
 *     }
 * }
 * }</pre>
 *
 * <h2>One cluster, one view</h2>
 * Every server sharing the Redis sees the same presence ({@link io.tokensockjs.SocketPresence}) and can reach any
 * socket: {@code server.presence("room")}, {@code server.sendToUser("alice", "inbox", data)},
 * {@code server.closeUser("alice", "Account suspended")}. A socket's user comes from its authentication data
 * ({@code token-sockjs.cluster.user-key} or a {@link io.tokensockjs.UserResolver} bean); a
 * {@link io.tokensockjs.SocketValidator} bean re-checks live sockets.
 */
package io.tokensockjs;
