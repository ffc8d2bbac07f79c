package io.tokensockjs.junit;

import io.tokensockjs.client.TokenSocketClient;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Makes a test's sockets, bound to the application's token route, and closes them all when the test ends. A test
 * method receives it as a parameter from {@link TokenSocketExtension}:
 *
 * <pre>{@code
 * @Test
 * void membersChat(TestSockets sockets) {
 *     TestSocket alice = sockets.connect(Credentials.formLogin("/login", Map.of("name", "Alice")));
 *     ...
 * }
 * }</pre>
 */
public final class TestSockets {

    private final TokenSocketExtension settings;
    private final List<TestSocket> sockets = new CopyOnWriteArrayList<>();
    private URI applicationUrl;

    TestSockets(TokenSocketExtension settings) {
        this.settings = settings;
    }

    /** A socket authenticated with these credentials; throws the client's exception if the server refuses it. */
    public TestSocket connect(Credentials credentials) {
        return connect(credentials, builder -> { });
    }

    /** A socket of the token route's anonymous user (no credentials). */
    public TestSocket connect() {
        return connect(Credentials.none());
    }

    /**
     * A socket authenticated with these credentials, its client first adjusted by the test (client functions, a
     * reconnection policy, a keep-alive...).
     */
    public TestSocket connect(Credentials credentials, Consumer<TokenSocketClient.Builder> options) {
        TokenSocketClient.Builder builder = TokenSocketClient.builder(applicationUrl())
                .tokenPath(settings.tokenPath()).socketPrefix(settings.socketPrefix());
        try {
            credentials.applyTo(builder, applicationUrl());
        } catch (IOException e) {
            throw new IllegalStateException("The credentials could not be prepared: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing the credentials", e);
        }
        TestSocket socket = new TestSocket(settings.timeout());
        socket.prepare(builder);
        options.accept(builder);
        socket.connected(TestSocket.await(builder.connect(), "the connection", settings.timeout()));
        sockets.add(socket);
        return socket;
    }

    /** The application's context root, where the sockets connect: {@code http://host:port/context}. */
    public URI applicationUrl() {
        if (applicationUrl == null) {
            applicationUrl = ApplicationUrl.resolve(settings.configuredUrl());
        }
        return applicationUrl;
    }

    /** How long every call and wait of this test's sockets may take. */
    public Duration timeout() {
        return settings.timeout();
    }

    /** Closes every socket of the test. */
    void closeAll() {
        sockets.forEach(TestSocket::close);
        sockets.clear();
    }
}
