package io.tokensockjs.redis;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.HostAndPort;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisUrlTest {

    @Test
    void standalone() {
        RedisUrl url = RedisUrl.parse("redis://app:s3cret@cache.example:6380/2");
        assertEquals(RedisMode.STANDALONE, url.mode());
        assertFalse(url.tls());
        assertEquals(List.of(new HostAndPort("cache.example", 6380)), url.nodes());
        assertEquals("app", url.user());
        assertEquals("s3cret", url.password());
        assertEquals(2, url.database());
        assertEquals(6379, RedisUrl.parse("rediss://h").first().getPort());
        assertTrue(RedisUrl.parse("rediss://h").tls());
    }

    @Test
    void sentinelNamesItsSentinelsAndTheMaster() {
        RedisUrl url = RedisUrl.parse("rediss-sentinel://app:pw@s1:26380,s2,[::1]:26381/orders/3");
        assertEquals(RedisMode.SENTINEL, url.mode());
        assertTrue(url.tls());
        assertEquals(List.of(new HostAndPort("s1", 26380), new HostAndPort("s2", 26379), new HostAndPort("::1", 26381)),
                url.nodes());
        assertEquals("orders", url.masterName());
        assertEquals(3, url.database());
        assertEquals(RedisUrl.DEFAULT_MASTER, RedisUrl.parse("redis-sentinel://s1").masterName());
        assertEquals("rediss-sentinel://app@s1:26380,s2:26379,::1:26381/orders/3", url.describe());
    }

    @Test
    void clusterNamesSeedNodes() {
        RedisUrl url = RedisUrl.parse("redis-cluster://:pw@n1:7000,n2:7001");
        assertEquals(RedisMode.CLUSTER, url.mode());
        assertNull(url.user());
        assertEquals("pw", url.password());
        assertEquals(2, url.nodes().size());
        assertEquals("redis-cluster://n1:7000,n2:7001", url.describe());
        assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("redis-cluster://n1:7000/1"));
    }

    @Test
    void percentEncodedCredentials() {
        RedisUrl url = RedisUrl.parse("redis://us%40er:p%3Aw%2Fd+@h:1");
        assertEquals("us@er", url.user());
        assertEquals("p:w/d+", url.password());
    }

    @Test
    void refusalsNeverShowThePassword() {
        for (String bad : List.of("http://u:s3cret@h:1", "redis://u:s3cret@h:99999", "redis://u:s3cret@ho st:1",
                "redis://u:s3cret@h1:1,h2:2", "redis://u:s3cret@h:1?x=1", "redis://u:s3cret@h:1/x",
                "redis://u:s3cret%zz@h:1", "redis-sentinel://u:s3cret@h/m/1/2", "s3cret", "")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse(bad), bad);
            assertFalse(refused.getMessage().contains("s3cret"), refused.getMessage());
        }
    }

    @Test
    void toStringIsTheRedactedForm() {
        assertFalse(RedisUrl.parse("redis://u:s3cret@h:1").toString().contains("s3cret"));
        assertFalse(RedisUrl.parse("redis://s3cret@h:1").toString().contains("s3cret"), "a lone password");
    }
}
