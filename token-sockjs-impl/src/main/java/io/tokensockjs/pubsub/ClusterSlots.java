package io.tokensockjs.pubsub;

import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.util.JedisClusterCRC16;
import redis.clients.jedis.util.SafeEncoder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which primary owns each of the 16,384 slots of a Redis Cluster, from {@code CLUSTER SLOTS} asked of the first
 * node the cluster client knows that answers. Read afresh whenever the sharded subscriptions are checked: after a
 * failover it names the promoted replica as soon as the cluster does.
 */
final class ClusterSlots {

    static final int SLOTS = 16384;

    private final HostAndPort[] owners;

    private ClusterSlots(HostAndPort[] owners) {
        this.owners = owners;
    }

    /** The owner of a channel's slot; empty while no primary serves it (during a failover). */
    Optional<HostAndPort> owner(String channel) {
        return Optional.ofNullable(owners[JedisClusterCRC16.getSlot(channel)]);
    }

    /**
     * The current map.
     *
     * @throws IllegalStateException when no known node answers, with the last node's failure as its cause (a
     *         refused password or missing right shows there, not just "unreachable")
     */
    static ClusterSlots read(RedisClusterClient cluster) {
        RuntimeException last = null;
        for (Map.Entry<String, ConnectionPool> node : cluster.getClusterNodes().entrySet()) {
            try (Connection connection = node.getValue().getResource()) {
                Object reply = connection.executeCommand(new CommandArguments(Protocol.Command.CLUSTER).add("SLOTS"));
                return parse(reply);
            } catch (RuntimeException e) {
                // That node is down or not answering: ask the next.
                last = e;
            }
        }
        throw new IllegalStateException("no cluster node answers CLUSTER SLOTS" + (last == null ? "" : ": " + last), last);
    }

    /** {@code [[start, end, [host, port, id...], replicas...]...]}. */
    static ClusterSlots parse(Object reply) {
        HostAndPort[] owners = new HostAndPort[SLOTS];
        for (Object range : (List<?>) reply) {
            List<?> parts = (List<?>) range;
            int start = ((Long) parts.get(0)).intValue();
            int end = ((Long) parts.get(1)).intValue();
            List<?> primary = (List<?>) parts.get(2);
            String host = primary.get(0) instanceof byte[] bytes ? SafeEncoder.encode(bytes) : String.valueOf(primary.get(0));
            HostAndPort owner = new HostAndPort(host, ((Long) primary.get(1)).intValue());
            for (int slot = start; slot <= end && slot < owners.length; slot++) {
                owners[slot] = owner;
            }
        }
        return new ClusterSlots(owners);
    }
}
