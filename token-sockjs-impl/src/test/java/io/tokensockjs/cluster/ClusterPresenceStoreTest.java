package io.tokensockjs.cluster;

import io.tokensockjs.SocketPresence;
import io.tokensockjs.redis.RedisConnections;
import io.tokensockjs.redis.RedisSettings;
import io.tokensockjs.testing.RedisClusterGroup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presence on a real Redis Cluster of six processes, shared by three stores that stand for three servers. The server
 * ids and channels are chosen so that their keys lie on different primaries: every read, heartbeat and cleanup then
 * meets keys of several slots, which a multi-key command would have Redis refuse (CROSSSLOT).
 */
class ClusterPresenceStoreTest {

    private static final Duration TTL = Duration.ofMillis(800);
    private static RedisClusterGroup cluster;
    private static UnifiedJedis redis;

    private String run;
    private List<String> ids;
    private List<String> rooms;
    private RedisPresenceStore a;
    private RedisPresenceStore b;
    private RedisPresenceStore c;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterGroup.start();
        redis = RedisConnections.pooled(new RedisSettings(RedisSettings.parseUrl(cluster.url()), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofMillis(400)));
    }

    @AfterAll
    static void stopCluster() {
        if (redis != null) {
            redis.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void servers() {
        run = Long.toString(System.nanoTime(), 36);
        ids = onDistinctPrimaries(run + "-server-", RedisPresenceStore::aliveKey, 3);
        rooms = onDistinctPrimaries(run + "-room-", RedisPresenceStore::channelKey, 2);
        a = new RedisPresenceStore(redis, ids.get(0), TTL);
        b = new RedisPresenceStore(redis, ids.get(1), TTL);
        c = new RedisPresenceStore(redis, ids.get(2), TTL);
        assertTrue(a.heartbeat());
        assertTrue(b.heartbeat());
        assertTrue(c.heartbeat());
    }

    private SocketPresence socket(String id, String user, RedisPresenceStore server) {
        return new SocketPresence(run + id, user, ids.get(server == a ? 0 : server == b ? 1 : 2));
    }

    @Test
    void joinsAndLeavesOfEveryServerAreSeenByEach() {
        a.socketOpened(socket("a-1", "alice", a));
        b.socketOpened(socket("b-1", "bob", b));
        c.socketOpened(socket("c-1", null, c));
        for (String room : rooms) {
            a.joined(room, socket("a-1", "alice", a));
            b.joined(room, socket("b-1", "bob", b));
            c.joined(room, socket("c-1", null, c));
        }
        for (String room : rooms) {
            assertEquals(Set.of(socket("a-1", "alice", a), socket("b-1", "bob", b), socket("c-1", null, c)),
                    Set.copyOf(b.channel(room)), room);
        }
        assertTrue(a.sockets().containsAll(List.of(socket("a-1", "alice", a), socket("b-1", "bob", b))));
        assertEquals(Optional.of(socket("c-1", null, c)), a.socket(run + "c-1"));
        assertTrue(a.liveServers().containsAll(ids), "the three servers, whose keys lie on three primaries");

        b.left(rooms.get(0), socket("b-1", "bob", b));
        assertEquals(Set.of(socket("a-1", "alice", a), socket("c-1", null, c)), Set.copyOf(c.channel(rooms.get(0))));
        assertEquals(3, c.channel(rooms.get(1)).size(), "the other room keeps b");
        c.socketClosed(socket("c-1", null, c));
        assertEquals(Optional.empty(), a.socket(run + "c-1"));
        assertEquals(rooms.size(), redis.scard(RedisPresenceStore.ownedKey(ids.get(1))),
                "b owns its socket entry and the one room it is still in");
    }

    @Test
    void aServerThatStopsHeartbeatingDisappearsAtItsTtlAndItsEntriesAreRemovedByAnother() throws Exception {
        for (String room : rooms) {
            a.joined(room, socket("a-1", "alice", a));
            b.joined(room, socket("b-1", "bob", b));
        }
        b.socketOpened(socket("b-1", "bob", b));

        // b is killed: no more heartbeats, no cleanup. a and c keep beating.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (a.channel(rooms.get(0)).size() != 1) {
            assertTrue(System.nanoTime() < deadline, "b's entries still counted 10 s after it stopped");
            Thread.sleep(50);
            a.heartbeat();
            c.heartbeat();
        }
        assertEquals(List.of(socket("a-1", "alice", a)), c.channel(rooms.get(1)));
        assertFalse(c.liveServers().contains(ids.get(1)));
        assertTrue(c.liveServers().containsAll(List.of(ids.get(0), ids.get(2))));
        a.heartbeat();
        for (String room : rooms) {
            assertEquals(1, a.rawCount(RedisPresenceStore.channelKey(room)), "b's entry removed from " + room);
        }
        assertFalse(redis.hexists(RedisPresenceStore.SOCKETS, run + "b-1"));
        assertFalse(redis.exists(RedisPresenceStore.ownedKey(ids.get(1))));
        assertFalse(redis.sismember(RedisPresenceStore.SERVERS, ids.get(1)));
    }

    @Test
    void leavingRemovesEveryEntryAtOnce() {
        a.socketOpened(socket("a-1", "alice", a));
        for (String room : rooms) {
            a.joined(room, socket("a-1", "alice", a));
            c.joined(room, socket("c-1", null, c));
        }
        a.leave();
        for (String room : rooms) {
            assertEquals(List.of(socket("c-1", null, c)), b.channel(room));
            assertEquals(1, b.rawCount(RedisPresenceStore.channelKey(room)));
        }
        assertFalse(b.liveServers().contains(ids.get(0)));
        assertFalse(redis.hexists(RedisPresenceStore.SOCKETS, run + "a-1"));
    }

    /** Names tried until {@code count} of them have keys on distinct primaries. */
    private static List<String> onDistinctPrimaries(String prefix, java.util.function.UnaryOperator<String> key, int count) {
        List<String> names = new ArrayList<>();
        Set<Integer> primaries = new HashSet<>();
        for (int i = 0; names.size() < count && i < 1000; i++) {
            String name = prefix + i;
            if (primaries.add(cluster.primaryOf(key.apply(name)).port())) {
                names.add(name);
            }
        }
        assertEquals(count, names.size(), "keys on " + count + " primaries");
        return names;
    }
}
