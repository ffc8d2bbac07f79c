package io.tokensockjs.cluster;

import io.tokensockjs.SocketPresence;
import io.tokensockjs.testing.RedisServerExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import redis.clients.jedis.RedisClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presence in a real redis-server, shared by two stores that stand for two servers. */
class RedisPresenceStoreTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.onFreePort();

    private static final Duration TTL = Duration.ofMillis(600);

    private RedisClient redis;
    private RedisPresenceStore a;
    private RedisPresenceStore b;

    @BeforeEach
    void connect() {
        redis = RedisClient.create(URI.create(REDIS.redis().url()));
        redis.flushAll();
        a = new RedisPresenceStore(redis, "a", TTL);
        b = new RedisPresenceStore(redis, "b", TTL);
        assertTrue(a.heartbeat(), "a new server is not known yet");
        assertTrue(b.heartbeat());
    }

    @AfterEach
    void close() {
        redis.close();
    }

    private static SocketPresence socket(String id, String user, String server) {
        return new SocketPresence(id, user, server);
    }

    @Test
    void joinsAndLeavesOfBothServersAreSeenByEach() {
        a.socketOpened(socket("a-1", "alice", "a"));
        b.socketOpened(socket("b-1", "bob", "b"));
        b.socketOpened(socket("b-2", null, "b"));
        a.joined("room", socket("a-1", "alice", "a"));
        b.joined("room", socket("b-1", "bob", "b"));

        assertEquals(Set.of(socket("a-1", "alice", "a"), socket("b-1", "bob", "b")), Set.copyOf(b.channel("room")));
        assertEquals(3, a.sockets().size());
        assertEquals(Optional.of(socket("b-2", null, "b")), a.socket("b-2"));
        assertEquals(Set.of("a", "b"), a.liveServers());

        b.left("room", socket("b-1", "bob", "b"));
        assertEquals(List.of(socket("a-1", "alice", "a")), a.channel("room"));
        b.socketClosed(socket("b-2", null, "b"));
        assertEquals(Optional.empty(), a.socket("b-2"));
        assertEquals(1, redis.scard(RedisPresenceStore.ownedKey("b")), "b owns only b-1's socket entry now");
    }

    @Test
    void aServerThatStopsHeartbeatingDisappearsAtItsTtlAndItsEntriesAreRemovedByAnother() throws Exception {
        a.joined("room", socket("a-1", "alice", "a"));
        b.socketOpened(socket("b-1", "bob", "b"));
        b.joined("room", socket("b-1", "bob", "b"));
        b.joined("other", socket("b-1", "bob", "b"));

        // b is killed: no more heartbeats, no cleanup. a keeps beating.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (a.channel("room").size() != 1) {
            assertTrue(System.nanoTime() < deadline, "b's entries still counted 10 s after it stopped");
            Thread.sleep(50);
            a.heartbeat();
        }
        assertEquals(List.of(socket("a-1", "alice", "a")), a.channel("room"));
        assertEquals(Set.of("a"), a.liveServers());
        a.heartbeat();
        assertEquals(1, a.rawCount(RedisPresenceStore.channelKey("room")), "b's entry was removed, not just hidden");
        assertEquals(0, a.rawCount(RedisPresenceStore.channelKey("other")));
        assertEquals(0, a.rawCount(RedisPresenceStore.SOCKETS));
        assertFalse(redis.exists(RedisPresenceStore.ownedKey("b")));
        assertFalse(redis.sismember(RedisPresenceStore.SERVERS, "b"));
    }

    @Test
    void aServerTakenForDeadLearnsItAtItsNextHeartbeat() throws Exception {
        assertFalse(a.heartbeat(), "a live server's heartbeat");
        redis.del(RedisPresenceStore.aliveKey("a"));
        assertTrue(a.heartbeat(), "its key was gone: it must write its entries again");
        assertFalse(a.heartbeat());
    }

    @Test
    void leavingRemovesEveryEntryAtOnce() {
        a.socketOpened(socket("a-1", "alice", "a"));
        a.joined("room", socket("a-1", "alice", "a"));
        b.joined("room", socket("b-1", "bob", "b"));
        a.leave();
        assertEquals(List.of(socket("b-1", "bob", "b")), b.channel("room"));
        assertEquals(1, b.rawCount(RedisPresenceStore.channelKey("room")));
        assertEquals(Set.of("b"), b.liveServers());
    }

    @Test
    void foreignValuesInAHashAreIgnored() {
        redis.hset(RedisPresenceStore.channelKey("room"), "x", "not json");
        redis.hset(RedisPresenceStore.channelKey("room"), "y", "{\"id\":1}");
        a.joined("room", socket("a-1", "alice", "a"));
        assertEquals(List.of(socket("a-1", "alice", "a")), b.channel("room"));
    }
}
