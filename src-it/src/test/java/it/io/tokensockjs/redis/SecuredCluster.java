package it.io.tokensockjs.redis;

import io.tokensockjs.testing.RedisClusterGroup;
import io.tokensockjs.testing.RedisNode;
import io.tokensockjs.testing.TestCertificate;

import org.junit.jupiter.api.Assumptions;

import redis.clients.jedis.Jedis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The TLS-only Redis Cluster (three primaries with a replica each) the servers {@link Node#CLUSTER_A} and
 * {@link Node#CLUSTER_B} were configured with: started by the first test that needs it, on the six ports the build
 * reserved ({@code it.cluster.ports}), with the certificate the build made before the servers started
 * ({@code it.cluster.tls-dir}), and left running for the others until the test JVM ends. Besides the group's own user
 * (replication, and these tests' administration), every node has the servers' ACL user ({@code it.cluster.user}),
 * which the tests may take rights from.
 *
 * <p>Only the failsafe execution that started those servers names them: elsewhere (a {@code -Dit.test} run picks
 * these tests in every execution) the tests are skipped.
 */
final class SecuredCluster {

    private static RedisClusterGroup cluster;

    private SecuredCluster() {
    }

    /** The ACL user the servers' URL names, and its password. */
    static String user() {
        return System.getProperty("it.cluster.user");
    }

    static String password() {
        return System.getProperty("it.cluster.password");
    }

    /** Starts the cluster if it is not running, then waits until both servers report ready. */
    static synchronized RedisClusterGroup start() {
        String ports = System.getProperty("it.cluster.ports");
        Assumptions.assumeTrue(ports != null && Node.CLUSTER_A.port != 0 && Node.CLUSTER_B.port != 0,
                "no servers on the Redis Cluster in this execution");
        if (cluster == null) {
            TestCertificate tls = TestCertificate.in(Path.of(System.getProperty("it.cluster.tls-dir")));
            List<Integer> reserved = Arrays.stream(ports.split(",")).map(String::strip).map(Integer::valueOf).toList();
            cluster = RedisClusterGroup.startSecured(tls, reserved,
                    List.of("--user", user(), "on", ">" + password(), "~*", "&*", "+@all"));
            RedisClusterGroup started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-redis-cluster"));
            System.out.println("[redis-cluster] started for the cluster tests: " + started.url().replaceAll(":[^:@/]+@", ":***@"));
        }
        awaitReady(Duration.ofSeconds(90));
        return cluster;
    }

    /** Waits until both servers' readiness is UP (every sharded subscription confirmed). */
    static void awaitReady(Duration bound) {
        RedisNode.awaitTrue(() -> Node.CLUSTER_A.ready() && Node.CLUSTER_B.ready(), bound,
                () -> "the servers on the Redis Cluster are not ready within " + bound + ": A "
                        + Node.CLUSTER_A.readiness().body() + ", B " + Node.CLUSTER_B.readiness().body());
    }

    /** Runs a command on every running node, as the cluster's administrator (ACL is per node). */
    static void onEveryNode(Consumer<Jedis> command) {
        for (RedisNode node : cluster.nodes()) {
            if (node.isRunning()) {
                try (Jedis jedis = node.client()) {
                    command.accept(jedis);
                }
            }
        }
    }

    /** Subscribers the channel's primary counts: one per server with a socket on it. */
    static long shardSubscribers(String channel) {
        try (Jedis jedis = cluster.primaryOf(channel).client()) {
            return jedis.pubsubShardNumSub(channel).getOrDefault(channel, 0L);
        }
    }

    /** Waits until the channel's primary counts that many subscribed servers on it. */
    static void awaitShardSubscribers(String channel, long servers) {
        RedisNode.awaitTrue(() -> shardSubscribers(channel) == servers, Duration.ofSeconds(20),
                () -> servers + " servers expected on " + channel + " at its primary, " + shardSubscribers(channel) + " there");
    }

    /** For each primary, the first name of the form prefix + n whose slot it owns. */
    static Map<RedisNode, String> oneChannelPerPrimary(String prefix) {
        Map<RedisNode, String> channels = new LinkedHashMap<>();
        for (int n = 0; n < 1000 && channels.size() < 3; n++) {
            channels.putIfAbsent(cluster.primaryOf(prefix + n), prefix + n);
        }
        return channels;
    }

    /** Restarts a killed node, which rejoins as a replica of the one promoted in its place, and waits until all agree. */
    static void restart(RedisNode node) {
        node.start();
        RedisNode.awaitTrue(cluster::stable, Duration.ofSeconds(60), () -> node + " did not rejoin the cluster");
    }
}
