package io.tokensockjs.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The JUnit 5 extension of the kit: gives each test method that asks for it a {@link TestSockets} and closes every
 * socket it made when the test ends.
 *
 * <p>Declare it with {@code @ExtendWith(TokenSocketExtension.class)} for the defaults (the application found where
 * MicroShed Testing finds it, or at the system property {@code tokensockjs.test.url}; the token route at
 * {@code /socket/token}, the sockets at {@code /sockets}; 10 s for every call and wait), or register a configured one:
 *
 * <pre>{@code
 * @RegisterExtension
 * static TokenSocketExtension sockets = new TokenSocketExtension().tokenPath("/api/socket-token").timeout(Duration.ofSeconds(5));
 * }</pre>
 */
public final class TokenSocketExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TokenSocketExtension.class);

    private final URI applicationUrl;
    private final String tokenPath;
    private final String socketPrefix;
    private final Duration timeout;

    /** The defaults. */
    public TokenSocketExtension() {
        this(null, "/socket/token", "/sockets", Duration.ofSeconds(10));
    }

    private TokenSocketExtension(URI applicationUrl, String tokenPath, String socketPrefix, Duration timeout) {
        this.applicationUrl = applicationUrl;
        this.tokenPath = tokenPath;
        this.socketPrefix = socketPrefix;
        this.timeout = timeout;
    }

    /** The application's context root, {@code http://host:port/context}, instead of finding it. */
    public TokenSocketExtension applicationUrl(URI url) {
        return new TokenSocketExtension(Objects.requireNonNull(url), tokenPath, socketPrefix, timeout);
    }

    /** The token route under the context root ({@code token-sockjs.token.path}). */
    public TokenSocketExtension tokenPath(String path) {
        return new TokenSocketExtension(applicationUrl, Objects.requireNonNull(path), socketPrefix, timeout);
    }

    /** The SockJS prefix of the token sockets under the context root ({@code token-sockjs.prefix}). */
    public TokenSocketExtension socketPrefix(String prefix) {
        return new TokenSocketExtension(applicationUrl, tokenPath, Objects.requireNonNull(prefix), timeout);
    }

    /** How long each call and each wait may take. */
    public TokenSocketExtension timeout(Duration value) {
        return new TokenSocketExtension(applicationUrl, tokenPath, socketPrefix, Objects.requireNonNull(value));
    }

    URI configuredUrl() {
        return applicationUrl;
    }

    String tokenPath() {
        return tokenPath;
    }

    String socketPrefix() {
        return socketPrefix;
    }

    Duration timeout() {
        return timeout;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestSockets.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestSockets.class, key -> new TestSockets(this), TestSockets.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeSockets(context);
    }

    /** Sockets made for a {@code @BeforeAll} method live in the class's store: closed after the last test. */
    @Override
    public void afterAll(ExtensionContext context) {
        closeSockets(context);
    }

    private static void closeSockets(ExtensionContext context) {
        TestSockets sockets = context.getStore(NAMESPACE).remove(TestSockets.class, TestSockets.class);
        if (sockets != null) {
            sockets.closeAll();
        }
    }
}
