package io.tokensockjs.redis;

import io.tokensockjs.testing.RedisSentinelGroup;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Sentinels with a password of their own ({@code requirepass} in the Sentinels' files; the data nodes ask for none):
 * the client finds the primary with {@code token-sockjs.redis.sentinel.password}, and not without it.
 */
class SentinelCredentialsTest {

    private static final String SENTINEL_PASSWORD = "sentinel-pw";

    @Test
    void theSentinelsOwnPasswordFindsThePrimaryAndNoPasswordDoesNot() {
        try (RedisSentinelGroup redis = RedisSentinelGroup.startWithSentinelPassword(SENTINEL_PASSWORD)) {
            RedisUrl url = RedisSettings.parseUrl(redis.url());
            RedisSettings withPassword = new RedisSettings(url, RedisTls.DEFAULT,
                    new RedisSettings.SentinelAuth(null, SENTINEL_PASSWORD), 2, Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ofSeconds(1));
            try (UnifiedJedis pooled = RedisConnections.pooled(withPassword)) {
                pooled.set("sentinel-credentials", "found");
                assertEquals("found", pooled.get("sentinel-credentials"));
            }
            RedisSettings without = new RedisSettings(url, 2, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));
            assertThrows(JedisException.class, () -> RedisConnections.pooled(without).close(),
                    "Sentinels asking for a password refuse a client without one");
        }
    }
}
