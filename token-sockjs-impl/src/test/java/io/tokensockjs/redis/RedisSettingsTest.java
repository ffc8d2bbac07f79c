package io.tokensockjs.redis;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisSettingsTest {

    private static RedisSettings settings(String url) {
        return new RedisSettings(RedisSettings.parseUrl(url), 4, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    @Test
    void userPasswordAndDatabaseComeFromTheUrl() {
        RedisSettings redis = settings("redis://app:s3cret@cache.example:6380/2");
        assertEquals(new HostAndPort("cache.example", 6380), redis.hostAndPort());
        JedisClientConfig config = redis.clientConfig("x");
        assertEquals("app", config.getUser());
        assertEquals("s3cret", config.getPassword());
        assertEquals(2, config.getDatabase());
        assertEquals(1000, config.getConnectionTimeoutMillis());
        assertEquals(3000, config.getSocketTimeoutMillis());
        assertFalse(config.isSsl());
        assertEquals("x", config.getClientName());
    }

    @Test
    void sentinelsHaveTheirOwnCredentialsApartFromTheDataNodes() {
        RedisSettings redis = new RedisSettings(RedisSettings.parseUrl("rediss-sentinel://app:data-pw@s1:26379,s2:26379/main"),
                RedisTls.DEFAULT, new RedisSettings.SentinelAuth("watcher", "sentinel-pw"), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofSeconds(5));
        JedisClientConfig sentinel = redis.sentinelConfig("s");
        assertEquals("watcher", sentinel.getUser());
        assertEquals("sentinel-pw", sentinel.getPassword());
        assertTrue(sentinel.isSsl(), "the same TLS as the data nodes");
        JedisClientConfig data = redis.clientConfig("d");
        assertEquals("app", data.getUser());
        assertEquals("data-pw", data.getPassword());
        assertEquals("watcher:***", redis.sentinelAuth().toString());

        JedisClientConfig none = settings("redis-sentinel://app:data-pw@s1:26379").sentinelConfig("s");
        assertNull(none.getUser());
        assertNull(none.getPassword(), "without sentinel credentials the data nodes' password is not sent to Sentinels");
    }

    @Test
    void passwordWithoutUser() {
        JedisClientConfig config = settings("redis://:s3cret@localhost:6379").clientConfig("x");
        assertNull(config.getUser());
        assertEquals("s3cret", config.getPassword());
    }

    @Test
    void redissMeansTls() {
        RedisSettings redis = settings("rediss://cache.example:6380");
        assertTrue(redis.tls());
        assertTrue(redis.clientConfig("x").isSsl());
        assertEquals("rediss://cache.example:6380 (TLS, the JVM's default trust)", redis.describe());
    }

    @Test
    void theDescriptionNeverShowsThePassword() {
        assertEquals("redis://app@cache.example:6380/2", settings("redis://app:s3cret@cache.example:6380/2").describe());
        assertEquals("redis://localhost:6379", settings("redis://:s3cret@localhost:6379").describe());
    }

    @Test
    void badUrlsAreRefusedWithoutShowingThePassword() {
        IllegalArgumentException notRedis = assertThrows(IllegalArgumentException.class, () -> settings("http://u:s3cret@host:1"));
        assertFalse(notRedis.getMessage().contains("s3cret"), notRedis.getMessage());
        IllegalArgumentException unparsable = assertThrows(IllegalArgumentException.class, () -> settings("redis://u:s3cret@ho st:1"));
        assertFalse(unparsable.getMessage().contains("s3cret"), unparsable.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RedisSettings(RedisSettings.parseUrl("redis://h:1"), 0,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
