package io.tokensockjs.cluster;

import io.tokensockjs.SocketPresence;
import io.tokensockjs.json.Jsonp;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Presence in Redis, shared by every server of the cluster. The keys, all under {@value #PREFIX}:
 * <ul>
 *   <li>{@code server:<id>}: present while the server lives, written with a time to live at each heartbeat;</li>
 *   <li>{@code servers}: a set of the ids of servers that may have left entries, for the cleanup;</li>
 *   <li>{@code sockets}: a hash, socket id to {@code {"user":U,"server":S}}, of every authenticated socket;</li>
 *   <li>{@code channel:<name>}: a hash of the same shape per channel, of its subscribers;</li>
 *   <li>{@code owned:<server id>}: a set of what each server wrote ({@code <socket id>\n<hash key>}), so that the
 *       entries of a server that died can be removed without a scan.</li>
 * </ul>
 * A join or a leave is two commands in one round trip (HSET/HDEL and SADD/SREM). Reads ask the liveness of the
 * servers they meet (one pipelined GET each), so that a dead server's entries are left out as soon as its key expires; the next
 * heartbeat of any live server then removes them, in batches popped from the dead server's {@code owned} set (so two
 * servers cleaning at once share the work).
 *
 * <p>On a Redis Cluster the keys spread over the shards as their names hash (no hash tag: no shard holds all of
 * presence). No command or script names two keys, so none is ever CROSSSLOT: what goes together in a round trip is
 * a pipeline, which the cluster client splits by node (it is not atomic, nor is it on one server).
 */
final class RedisPresenceStore implements PresenceStore {

    private static final Logger LOG = Logger.getLogger(RedisPresenceStore.class.getName());

    static final String PREFIX = "token-sockjs:cluster:";
    static final String SERVERS = PREFIX + "servers";
    static final String SOCKETS = PREFIX + "sockets";
    /** Entries removed per round trip when cleaning up after a dead server. */
    static final int CLEANUP_BATCH = 500;

    /** The pooled client, asked for at each use: it cannot be made while no Sentinel or Cluster node answers. */
    private final Supplier<UnifiedJedis> redis;
    private final String serverId;
    private final Duration ttl;

    RedisPresenceStore(UnifiedJedis redis, String serverId, Duration ttl) {
        this(() -> redis, serverId, ttl);
    }

    /** @param redis throws {@link IllegalStateException} while the client cannot be made: the operation fails then */
    RedisPresenceStore(Supplier<UnifiedJedis> redis, String serverId, Duration ttl) {
        this.redis = redis;
        this.serverId = serverId;
        this.ttl = ttl;
    }

    static String aliveKey(String serverId) {
        return PREFIX + "server:" + serverId;
    }

    static String channelKey(String channel) {
        return PREFIX + "channel:" + channel;
    }

    static String ownedKey(String serverId) {
        return PREFIX + "owned:" + serverId;
    }

    @Override
    public void socketOpened(SocketPresence socket) {
        put(SOCKETS, socket);
    }

    @Override
    public void socketClosed(SocketPresence socket) {
        remove(SOCKETS, socket);
    }

    @Override
    public void joined(String channel, SocketPresence socket) {
        put(channelKey(channel), socket);
    }

    @Override
    public void left(String channel, SocketPresence socket) {
        remove(channelKey(channel), socket);
    }

    private void put(String hash, SocketPresence socket) {
        try (AbstractPipeline pipeline = redis.get().pipelined()) {
            pipeline.hset(hash, socket.socketId(), encode(socket));
            pipeline.sadd(ownedKey(socket.server()), socket.socketId() + "\n" + hash);
            pipeline.sync();
        }
    }

    private void remove(String hash, SocketPresence socket) {
        try (AbstractPipeline pipeline = redis.get().pipelined()) {
            pipeline.hdel(hash, socket.socketId());
            pipeline.srem(ownedKey(socket.server()), socket.socketId() + "\n" + hash);
            pipeline.sync();
        }
    }

    @Override
    public List<SocketPresence> channel(String channel) {
        return live(redis.get().hvals(channelKey(channel)));
    }

    @Override
    public List<SocketPresence> sockets() {
        return live(redis.get().hvals(SOCKETS));
    }

    @Override
    public Optional<SocketPresence> socket(String socketId) {
        String value = redis.get().hget(SOCKETS, socketId);
        return value == null ? Optional.empty() : live(List.of(value)).stream().findFirst();
    }

    @Override
    public Set<String> liveServers() {
        List<String> known = new ArrayList<>(redis.get().smembers(SERVERS));
        known.add(serverId);
        return alive(new LinkedHashSet<>(known));
    }

    @Override
    public boolean heartbeat() {
        String before = redis.get().setGet(aliveKey(serverId), "1", SetParams.setParams().px(ttl.toMillis()));
        redis.get().sadd(SERVERS, serverId);
        Set<String> known = new HashSet<>(redis.get().smembers(SERVERS));
        Set<String> live = alive(known);
        for (String server : known) {
            if (!live.contains(server)) {
                removeEntriesOf(server);
            }
        }
        return before == null;
    }

    @Override
    public void leave() {
        redis.get().del(aliveKey(serverId));
        removeEntriesOf(serverId);
    }

    /** Removes what a dead (or leaving) server wrote, a batch at a time. */
    private void removeEntriesOf(String server) {
        String owned = ownedKey(server);
        int removed = 0;
        List<String> batch = redis.get().spop(owned, CLEANUP_BATCH).stream().toList();
        while (!batch.isEmpty()) {
            try (AbstractPipeline pipeline = redis.get().pipelined()) {
                for (String entry : batch) {
                    int newline = entry.indexOf('\n');
                    if (newline > 0) {
                        pipeline.hdel(entry.substring(newline + 1), entry.substring(0, newline));
                    }
                }
                pipeline.sync();
            }
            removed += batch.size();
            batch = redis.get().spop(owned, CLEANUP_BATCH).stream().toList();
        }
        if (!server.equals(serverId)) {
            redis.get().srem(SERVERS, server);
            int count = removed;
            LOG.info(() -> "token-sockjs: server " + server + " stopped heartbeating; " + count + " presence entries removed");
        }
    }

    /** The entries whose server is live. */
    private List<SocketPresence> live(List<String> values) {
        List<SocketPresence> entries = new ArrayList<>(values.size());
        Set<String> servers = new LinkedHashSet<>();
        for (String value : values) {
            SocketPresence entry = decode(value);
            if (entry != null) {
                entries.add(entry);
                servers.add(entry.server());
            }
        }
        if (entries.isEmpty()) {
            return entries;
        }
        Set<String> live = alive(servers);
        entries.removeIf(entry -> !live.contains(entry.server()));
        return entries;
    }

    /**
     * Those of the servers whose liveness key is present: one GET per server in one pipelined round trip, not an
     * MGET, because on a Redis Cluster the servers' keys lie in different slots (an MGET across slots is refused with
     * CROSSSLOT); the cluster client's pipeline sends each GET to the node owning its key.
     */
    private Set<String> alive(Set<String> servers) {
        if (servers.isEmpty()) {
            return Set.of();
        }
        List<String> ids = List.copyOf(servers);
        List<Response<String>> values = new ArrayList<>(ids.size());
        try (AbstractPipeline pipeline = redis.get().pipelined()) {
            for (String id : ids) {
                values.add(pipeline.get(aliveKey(id)));
            }
            pipeline.sync();
        }
        Set<String> live = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (values.get(i).get() != null) {
                live.add(ids.get(i));
            }
        }
        return live;
    }

    static String encode(SocketPresence socket) {
        var json = Jsonp.PROVIDER.createObjectBuilder().add("id", socket.socketId()).add("server", socket.server());
        if (socket.user() != null) {
            json.add("user", socket.user());
        }
        return json.build().toString();
    }

    /** An entry written by {@link #encode}; null for anything else (another program's key of the same name). */
    static SocketPresence decode(String value) {
        try {
            if (Jsonp.parse(value) instanceof JsonObject object && object.get("id") instanceof JsonString id
                    && object.get("server") instanceof JsonString server) {
                JsonValue user = object.get("user");
                return new SocketPresence(id.getString(), user instanceof JsonString name ? name.getString() : null,
                        server.getString());
            }
        } catch (RuntimeException e) {
            // Not ours: left out.
        }
        return null;
    }

    /** The entries in Redis, for tests: how many a hash holds, dead servers' included. */
    long rawCount(String hash) {
        return redis.get().hlen(hash);
    }

    Map<String, String> rawChannel(String channel) {
        return redis.get().hgetAll(channelKey(channel));
    }
}
