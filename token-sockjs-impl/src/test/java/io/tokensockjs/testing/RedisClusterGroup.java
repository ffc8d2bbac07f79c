package io.tokensockjs.testing;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.util.JedisClusterCRC16;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Redis Cluster on loopback: six nodes made into three primaries with a replica each by
 * {@code redis-cli --cluster create ... --cluster-replicas 1 --cluster-yes}, a node taken for failed after one
 * second. Optionally TLS only (the cluster bus and replication too) with a generated certificate, and an ACL user
 * with the default user switched off, as a managed service runs it.
 */
public final class RedisClusterGroup implements AutoCloseable {

    /** The ACL user of a secured cluster, and its password. */
    public static final String USER = "app";
    public static final String PASSWORD = "s3cret-pw";

    private final Path directory;
    private final TestCertificate tls;
    private final List<RedisNode> nodes = new ArrayList<>();

    /** {@code --user} rules every node gets beside those of the default users, kept when a node restarts. */
    private final List<String> moreUsers;

    private RedisClusterGroup(Path directory, TestCertificate tls, List<String> moreUsers) {
        this.directory = directory;
        this.tls = tls;
        this.moreUsers = List.copyOf(moreUsers);
    }

    /** Six plain nodes, default user. */
    public static RedisClusterGroup start() {
        return start(false);
    }

    /** Six TLS-only nodes with the ACL user {@value #USER} and the default user off. */
    public static RedisClusterGroup startSecured() {
        return start(true);
    }

    /**
     * Six TLS-only nodes as {@link #startSecured()}, on given ports (each port + 10000, the cluster bus, must be
     * free too), trusting a certificate made beforehand, with more ACL users: for application servers configured
     * with these ports and this certificate before the cluster exists.
     *
     * @param moreUsers redis-server {@code --user} arguments, one word each ({@code "--user", "name", "on", ">pw", ...})
     */
    public static RedisClusterGroup startSecured(TestCertificate tls, List<Integer> ports, List<String> moreUsers) {
        if (ports.size() != 6) {
            throw new IllegalArgumentException("six ports, three primaries and their replicas: " + ports);
        }
        return start(new RedisClusterGroup(RedisNode.directory("cluster"), tls, moreUsers), ports);
    }

    private static RedisClusterGroup start(boolean secured) {
        Path directory = RedisNode.directory("cluster");
        RedisClusterGroup group = new RedisClusterGroup(directory, secured ? TestCertificate.create(directory) : null, List.of());
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ports.add(RedisNode.freePort());
        }
        return start(group, ports);
    }

    private static RedisClusterGroup start(RedisClusterGroup group, List<Integer> ports) {
        try {
            for (int port : ports) {
                group.nodes.add(group.node(port).start());
            }
            List<String> create = new ArrayList<>(List.of("redis-cli"));
            create.addAll(group.cliSecurity());
            create.addAll(List.of("--cluster", "create"));
            group.nodes.forEach(node -> create.add("127.0.0.1:" + node.port()));
            create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            RedisNode.run(create);
            RedisNode.awaitTrue(group::stable, Duration.ofSeconds(60), () -> "the cluster did not become stable");
            // A replica that never finished its first sync refuses to take over: wait for every one.
            RedisNode.awaitTrue(group::replicasInSync, Duration.ofSeconds(60), () -> "the replicas did not sync");
            return group;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    public boolean secured() {
        return tls != null;
    }

    public Optional<TestCertificate> certificate() {
        return Optional.ofNullable(tls);
    }

    /** {@code redis-cluster://...} or, secured, {@code rediss-cluster://app:s3cret-pw@...}, with every node. */
    public String url() {
        StringBuilder url = new StringBuilder(secured() ? "rediss-cluster://" + USER + ":" + PASSWORD + "@" : "redis-cluster://");
        for (int i = 0; i < nodes.size(); i++) {
            url.append(i == 0 ? "" : ",").append("127.0.0.1:").append(nodes.get(i).port());
        }
        return url.toString();
    }

    public List<RedisNode> nodes() {
        return List.copyOf(nodes);
    }

    /** The primary owning the channel's slot, as the first answering node says. */
    public RedisNode primaryOf(String channel) {
        int slot = JedisClusterCRC16.getSlot(channel);
        for (RedisNode node : nodes) {
            if (!node.isRunning()) {
                continue;
            }
            try (Jedis jedis = node.client()) {
                for (Object range : jedis.clusterSlots()) {
                    List<?> parts = (List<?>) range;
                    if ((Long) parts.get(0) <= slot && slot <= (Long) parts.get(1)) {
                        int port = ((Long) ((List<?>) parts.get(2)).get(1)).intValue();
                        return nodes.stream().filter(n -> n.port() == port).findFirst().orElseThrow();
                    }
                }
            } catch (RuntimeException e) {
                // the next node
            }
        }
        throw new IllegalStateException("no node knows the owner of slot " + slot);
    }

    /** Waits until another node than {@code failed} owns the channel's slot and the cluster is whole again. */
    public RedisNode awaitFailover(String channel, RedisNode failed, Duration bound) {
        RedisNode.awaitTrue(() -> {
            try {
                return primaryOf(channel) != failed && stable();
            } catch (RuntimeException e) {
                return false;
            }
        }, bound, () -> "no replica took over the slot of " + channel + " from " + failed);
        return primaryOf(channel);
    }

    /** Every running node says {@code cluster_state:ok}. */
    public boolean stable() {
        for (RedisNode node : nodes) {
            if (!node.isRunning()) {
                continue;
            }
            try (Jedis jedis = node.client()) {
                if (!jedis.clusterInfo().contains("cluster_state:ok")) {
                    return false;
                }
            } catch (RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    private boolean replicasInSync() {
        int synced = 0;
        for (RedisNode node : nodes) {
            try (Jedis jedis = node.client()) {
                if (jedis.info("replication").contains("master_link_status:up")) {
                    synced++;
                }
            } catch (RuntimeException e) {
                return false;
            }
        }
        return synced == nodes.size() / 2;
    }

    public HostAndPort address(RedisNode node) {
        return node.address();
    }

    private RedisNode node(int port) {
        List<String> arguments = new ArrayList<>(List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--protected-mode", "no", "--dir", directory.toAbsolutePath().toString(),
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                "--cluster-node-timeout", "1000", "--dbfilename", "dump-" + port + ".rdb",
                // Replicas sync at once (not after the 5 s a diskless sync waits for more replicas by default).
                "--repl-diskless-sync-delay", "0"));
        JedisClientConfig client = RedisNode.plainClient();
        if (secured()) {
            arguments.addAll(tls.serverArguments(port));
            arguments.addAll(List.of("--tls-cluster", "yes", "--tls-replication", "yes",
                    // One argument per word: redis-server quotes an argument holding spaces.
                    "--user", "default", "off",
                    "--user", USER, "on", ">" + PASSWORD, "~*", "&*", "+@all",
                    "--masteruser", USER, "--masterauth", PASSWORD));
            arguments.addAll(moreUsers);
            client = tls.client(USER, PASSWORD);
        } else {
            arguments.addAll(List.of("--port", Integer.toString(port)));
        }
        return new RedisNode(port, arguments, client, directory);
    }

    private List<String> cliSecurity() {
        if (!secured()) {
            return List.of();
        }
        return List.of("--tls", "--cacert", tls.certificate().toString(), "--user", USER, "--pass", PASSWORD,
                "--no-auth-warning");
    }

    @Override
    public void close() {
        nodes.forEach(RedisNode::close);
    }
}
