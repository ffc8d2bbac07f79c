/**
 * A JUnit 5 kit for testing applications built on token-sockjs against a running server (the way MicroShed Testing
 * tests REST resources): {@link io.tokensockjs.junit.TokenSocketExtension} gives each test a
 * {@link io.tokensockjs.junit.TestSockets}, whose {@link io.tokensockjs.junit.TestSockets#connect(Credentials)} makes
 * an authenticated {@link io.tokensockjs.junit.TestSocket} in one line; the socket calls functions and waits, within a
 * timeout, for channel messages, subscriptions and the server's calls to its client functions. Every socket is closed
 * when its test ends.
 *
 * <pre>{@code
 * @ExtendWith(TokenSocketExtension.class)
 * class ChatIT {
 *     @Test
 *     void membersSeeWhatIsSaid(TestSockets sockets) {
 *         TestSocket alice = sockets.connect(Credentials.formLogin("/login", Map.of("name", "Alice", "role", "member")));
 *         TestSocket bob = sockets.connect(Credentials.formLogin("/login", Map.of("name", "Bob", "role", "member")));
 *         alice.subscribe("lobby");
 *         bob.subscribe("lobby");
 *         alice.call("chat.say", Json.createObjectBuilder().add("room", "lobby").add("text", "hi").build());
 *         assertEquals("hi", bob.awaitMessage("lobby").asJsonObject().getString("text"));
 *     }
 * }
 * }</pre>
 *
 * <p>The application is found where MicroShed Testing finds it: with a server the build starts, set the failsafe
 * system properties {@code microshed_manual_env=true}, {@code microshed_hostname}, {@code microshed_http_port} and
 * {@code microshed_app_context_root} (or {@code tokensockjs.test.url}).
 */
package io.tokensockjs.junit;
