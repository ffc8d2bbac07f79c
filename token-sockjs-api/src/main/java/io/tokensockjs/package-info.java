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
 */
package io.tokensockjs;
