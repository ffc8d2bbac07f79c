package io.tokensockjs.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real redis-server for a test class and stops it after:
 * <pre>{@code
 * @RegisterExtension
 * static final RedisServerExtension REDIS = RedisServerExtension.onFreePort();
 * ... REDIS.redis().url() ...
 * }</pre>
 * See {@link RedisProcess} for which binary runs.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

    private final int port;
    private RedisProcess redis;

    private RedisServerExtension(int port) {
        this.port = port;
    }

    public static RedisServerExtension onFreePort() {
        return new RedisServerExtension(0);
    }

    public static RedisServerExtension onPort(int port) {
        return new RedisServerExtension(port);
    }

    /** The running server; a test may kill and start it again. */
    public RedisProcess redis() {
        if (redis == null) {
            throw new IllegalStateException("Redis starts before the test class's first test");
        }
        return redis;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        redis = port == 0 ? RedisProcess.startOnFreePort() : RedisProcess.startOn(port);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }
}
